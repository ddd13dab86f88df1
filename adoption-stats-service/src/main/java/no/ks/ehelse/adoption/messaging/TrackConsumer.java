package no.ks.ehelse.adoption.messaging;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.adoption.domain.Phase;
import no.ks.ehelse.adoption.domain.TrackProjection;
import no.ks.ehelse.platform.events.CloudEvent;
import no.ks.ehelse.platform.events.Consumption;
import no.ks.ehelse.platform.events.EventFields;
import no.ks.ehelse.platform.events.Intake;

/**
 * Keeps the tracks the funnel names and the per-track progress measures against. Created, opened and changed carry
 * the whole track (they have the working group) and replace the projection, unless an older state arrives after a
 * newer one; the deadline events carry no plan and change nothing here.
 */
@ApplicationScoped
public class TrackConsumer {

    private static final Intake TRACKS =
            Intake.prefix("adoption-stats-service.tracks", "enrollment.tracks.v1", "no.ks.ehelse.track.");

    private final Consumption consumption;
    private final Clock clock;

    TrackConsumer(Consumption consumption, Clock clock) {
        this.consumption = consumption;
        this.clock = clock;
    }

    @Incoming("enrollment-tracks")
    @Blocking
    public void consume(String value) {
        consumption.consume(value, TRACKS, this::apply);
    }

    /** Every field is read before the order is judged, so a bad record is poison whether or not it is stale. */
    private void apply(CloudEvent event) {
        EventFields data = event.fields();
        OffsetDateTime announced = event.time() == null ? OffsetDateTime.now(clock) : event.time();
        LocalDate deadline = data.date("registrationDeadline");
        if (!data.has("workingGroup")) {
            TrackProjection track = TrackProjection.findById(data.uuid("trackId"));
            if (track != null && !announced.isBefore(track.announcedAt)) {
                track.registrationDeadline = deadline;
                track.updatedAt = OffsetDateTime.now(clock);
            }
            return;
        }
        UUID id = data.uuid("id");
        String solution = data.text("solution");
        String name = data.text("name");
        String cohort = data.optionalText("cohort");
        String vendor = data.optionalText("vendor");
        String status = data.text("status");
        LocalDate kickOff = data.optionalDate("kickOff");
        LocalDate closing = data.optionalDate("closing");
        List<TrackProjection.PlannedPhase> phases = data.objects("phases").stream()
                .map(p -> new TrackProjection.PlannedPhase(
                        p.enumValue("phase", Phase.class), p.optionalDate("starts"), p.optionalDate("ends")))
                .toList();
        TrackProjection track = TrackProjection.findById(id);
        if (track == null) {
            track = new TrackProjection();
            track.id = id;
        } else if (announced.isBefore(track.announcedAt)) {
            return;
        }
        track.solution = solution;
        track.name = name;
        track.cohort = cohort;
        track.vendor = vendor;
        track.status = status;
        track.registrationDeadline = deadline;
        track.kickOff = kickOff;
        track.closing = closing;
        track.phases = phases;
        track.announcedAt = announced;
        track.updatedAt = OffsetDateTime.now(clock);
        track.persist();
    }
}
