package no.ks.ehelse.notification.messaging;

import java.util.Set;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.notification.domain.SolutionAdoption;
import no.ks.ehelse.platform.events.CloudEvent;
import no.ks.ehelse.platform.events.Consumption;
import no.ks.ehelse.platform.events.Intake;

/**
 * adoption-stats' went-live: a municipality NHN's data shows live on a solution, also one that never enrolled in
 * a track here. It is not reminded of that solution's deadlines (docs/notifications.md, "Who can still act").
 * Nobody is told from this event: enrollment-service turns it into the enrollment's went-live, which is.
 */
@ApplicationScoped
public class AdoptionConsumer {

    static final String ADOPTION = "notification-service.adoption";
    static final String WENT_LIVE = "no.ks.ehelse.adoption.went-live.v1";

    // The topic may carry more of adoption-stats' events; they are not this service's business.
    private static final Intake ADOPTION_EVENTS =
            Intake.types(ADOPTION, "adoption.events.v1", Set.of(WENT_LIVE)).skippingOthers();

    private final Consumption consumption;

    AdoptionConsumer(Consumption consumption) {
        this.consumption = consumption;
    }

    @Incoming("adoption-events")
    @Blocking
    public void adoption(String value) {
        consumption.consume(value, ADOPTION_EVENTS, this::wentLive);
    }

    private void wentLive(CloudEvent event) {
        SolutionAdoption.record(event.text("kommunenummer"), event.text("solution"), event.date("effectiveDate"));
    }
}
