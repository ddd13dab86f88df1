package no.ks.ehelse.platform.events;

import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.microprofile.faulttolerance.Retry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies one consumed record, or one polled batch, in a transaction of its own. A transient failure (the
 * database restarting, a lock timeout) is retried with backoff for as long as it lasts, holding the partition
 * rather than skipping a good record; a {@link PoisonRecordException} is not retried and goes on to the
 * dead-letter topic. Which failure is which is {@link Failures#poisonReason}'s decision.
 */
@ApplicationScoped
public class Consumption {

    private final ProcessedEvents processed;

    Consumption(ProcessedEvents processed) {
        this.processed = processed;
    }

    /**
     * The one consumer skeleton: parse the envelope, judge the type, record the event id (a redelivery stops
     * here), then apply the effect — all in one transaction, so the effect and the record of having applied it
     * commit together. Anything the effect finds wrong with the record's data it throws as
     * {@link PoisonRecordException} (the {@link EventFields} accessors do), which rolls back the id as well.
     */
    @Retry(
            maxRetries = -1,
            delay = 200,
            maxDuration = 1,
            durationUnit = ChronoUnit.DAYS,
            jitter = 100,
            abortOn = PoisonRecordException.class)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public void consume(String value, Intake intake, Consumer<CloudEvent> effect) {
        Consumption.<Void>judged(() -> {
            CloudEvent event = CloudEvent.parse(value);
            if (intake.judge(event) == Intake.Verdict.SKIP) {
                return null;
            }
            if (processed.firstDelivery(intake.consumer(), event.id())) {
                effect.accept(event);
            }
            return null;
        });
    }

    /**
     * One polled batch: work with a result, such as the records it refused. A database refusal of the data
     * (SQLSTATE class 22) is not retried either: it comes out as a {@link PoisonRecordException} of category
     * {@link PoisonCategory#DATABASE_REFUSED}, which the batch's own code must catch, since letting it reach the
     * connector would dead-letter the whole batch for one record's data (NhnAdoptionConsumer re-applies the batch a
     * record at a time to find the one).
     */
    @Retry(
            maxRetries = -1,
            delay = 200,
            maxDuration = 1,
            durationUnit = ChronoUnit.DAYS,
            jitter = 100,
            abortOn = PoisonRecordException.class)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public <T> T call(Supplier<T> work) {
        return judged(work);
    }

    private static <T> T judged(Supplier<T> work) {
        try {
            return QuarkusTransaction.requiringNew().call(work::get);
        } catch (RuntimeException e) {
            PoisonRecordException poison = Failures.poison(e);
            if (poison != null && poison != e) {
                throw poison;
            }
            throw e;
        }
    }
}
