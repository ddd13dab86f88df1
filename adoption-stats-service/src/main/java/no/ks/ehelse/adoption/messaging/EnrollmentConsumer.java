package no.ks.ehelse.adoption.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.adoption.domain.EnrollmentProjection;
import no.ks.ehelse.adoption.domain.Phase;
import no.ks.ehelse.platform.events.CloudEvent;
import no.ks.ehelse.platform.events.Consumption;
import no.ks.ehelse.platform.events.Intake;

/** Keeps the enrollments the funnel counts; every enrollment event carries the enrollment's current state. */
@ApplicationScoped
public class EnrollmentConsumer {

    private static final Intake ENROLLMENTS = Intake.prefix(
            "adoption-stats-service.enrollments", "enrollment.enrollments.v1", "no.ks.ehelse.enrollment.");

    private final Consumption consumption;

    EnrollmentConsumer(Consumption consumption) {
        this.consumption = consumption;
    }

    @Incoming("enrollments")
    @Blocking
    public void consume(String value) {
        consumption.consume(value, ENROLLMENTS, this::apply);
    }

    private void apply(CloudEvent event) {
        UUID id = event.uuid("id");
        UUID track = event.uuid("trackId");
        EnrollmentProjection e = EnrollmentProjection.findById(id);
        if (e == null) {
            e = new EnrollmentProjection();
            e.id = id;
            e.enrolledAt = event.time() == null ? OffsetDateTime.now() : event.time();
        }
        e.trackId = track;
        e.solution = event.text("solution");
        e.kommunenummer = event.text("kommunenummer");
        e.status = event.text("status");
        e.wentLiveOn = event.optionalDate("wentLiveOn");
        e.phase = event.fields().has("phase") ? event.fields().enumValue("phase", Phase.class) : null;
        e.persist();
    }
}
