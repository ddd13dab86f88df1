package no.ks.ehelse.enrollment.events;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.enrollment.domain.Track;
import no.ks.ehelse.enrollment.domain.TrackStatus;
import no.ks.ehelse.platform.events.Outbox;

/** Track events on {@code enrollment.tracks.v1}, keyed by track id. */
@ApplicationScoped
public class TrackEvents {

    public static final String TOPIC = "enrollment.tracks.v1";
    public static final String CREATED = "no.ks.ehelse.track.created.v1";

    public record TrackState(UUID id, String solution, String name, String cohort, String vendor, String description,
            Integer capacity, LocalDate registrationOpens, LocalDate registrationDeadline, TrackStatus status) {

        static TrackState of(Track t) {
            return new TrackState(t.id, t.solution, t.name, t.cohort, t.vendor, t.description, t.capacity,
                    t.registrationOpens, t.registrationDeadline, t.status);
        }
    }

    private final Outbox outbox;

    TrackEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void created(Track track) {
        outbox.publish(TOPIC, track.id.toString(), CREATED, track.id.toString(), TrackState.of(track));
    }
}
