package no.ks.ehelse.enrollment.messaging;

import java.time.LocalDate;
import java.util.Set;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.enrollment.domain.Enrollments;
import no.ks.ehelse.platform.api.LogText;
import no.ks.ehelse.platform.events.CloudEvent;
import no.ks.ehelse.platform.events.Consumption;
import no.ks.ehelse.platform.events.Intake;

/**
 * adoption-stats announces {@code no.ks.ehelse.adoption.went-live.v1} the first time NHN's data shows a
 * municipality ACTIVE for a solution; confirmed enrollments in tracks of that solution go live. Other adoption
 * event types on the topic are not this service's business and are skipped.
 */
@ApplicationScoped
public class AdoptionConsumer {

    private static final Logger LOG = Logger.getLogger(AdoptionConsumer.class);
    public static final String WENT_LIVE = "no.ks.ehelse.adoption.went-live.v1";
    private static final Intake ADOPTION = Intake.types(
                    "enrollment-service.adoption", "adoption.events.v1", Set.of(WENT_LIVE))
            .skippingOthers();

    private final Consumption consumption;
    private final Enrollments enrollments;

    AdoptionConsumer(Consumption consumption, Enrollments enrollments) {
        this.consumption = consumption;
        this.enrollments = enrollments;
    }

    @Incoming("adoption-events")
    @Blocking
    public void consume(String value) {
        consumption.consume(value, ADOPTION, this::apply);
    }

    private void apply(CloudEvent event) {
        String kommunenummer = event.text("kommunenummer");
        String solution = event.text("solution");
        LocalDate on = event.date("effectiveDate");
        int live = enrollments.wentLiveFromAdoption(kommunenummer, solution, on);
        LOG.infof(
                "%s went live with %s on %s: %d enrollment(s) now LIVE",
                LogText.of(kommunenummer), LogText.of(solution), on, live);
    }
}
