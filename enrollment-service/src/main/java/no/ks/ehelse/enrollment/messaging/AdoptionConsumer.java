package no.ks.ehelse.enrollment.messaging;

import java.time.LocalDate;
import java.util.Set;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.enrollment.domain.AdoptionLevel;
import no.ks.ehelse.enrollment.domain.Enrollments;
import no.ks.ehelse.platform.api.LogText;
import no.ks.ehelse.platform.events.CloudEvent;
import no.ks.ehelse.platform.events.Consumption;
import no.ks.ehelse.platform.events.Intake;
import no.ks.ehelse.platform.events.PoisonCategory;
import no.ks.ehelse.platform.events.PoisonRecordException;

/**
 * adoption-stats announces {@code no.ks.ehelse.adoption.went-live.v1} the first time NHN's data shows a
 * municipality ACTIVE for a solution; confirmed enrollments in tracks of that solution go live. Its
 * {@code level-changed.v1} keeps NHN's level per municipality and solution, for the worklist and readiness. Other
 * adoption event types on the topic are not this service's business and are skipped.
 */
@ApplicationScoped
public class AdoptionConsumer {

    private static final Logger LOG = Logger.getLogger(AdoptionConsumer.class);
    public static final String WENT_LIVE = "no.ks.ehelse.adoption.went-live.v1";
    public static final String LEVEL_CHANGED = "no.ks.ehelse.adoption.level-changed.v1";
    private static final Set<String> LEVELS = Set.of("ORDERED", "TECHNICALLY_READY", "ACTIVE", "DISCONTINUED");
    private static final Intake ADOPTION = Intake.types(
                    "enrollment-service.adoption", "adoption.events.v1", Set.of(WENT_LIVE, LEVEL_CHANGED))
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
        if (event.type().equals(LEVEL_CHANGED)) {
            String level = event.text("level");
            if (!LEVELS.contains(level)) {
                throw new PoisonRecordException(
                        PoisonCategory.INVALID_VALUE, "level must be one of " + String.join(", ", LEVELS));
            }
            AdoptionLevel.record(kommunenummer, solution, level, on);
            return;
        }
        int live = enrollments.wentLiveFromAdoption(kommunenummer, solution, on);
        LOG.infof(
                "%s went live with %s on %s: %d enrollment(s) now LIVE",
                LogText.of(kommunenummer), LogText.of(solution), on, live);
    }
}
