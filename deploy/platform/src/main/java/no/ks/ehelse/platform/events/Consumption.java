package no.ks.ehelse.platform.events;

import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import org.eclipse.microprofile.faulttolerance.Retry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies one consumed record, or one polled batch, in a transaction of its own. A transient failure (the
 * database restarting, a lock timeout) is retried with backoff for as long as it lasts, holding the partition
 * rather than skipping a good record; a {@link PoisonRecordException} is not retried and goes on to the
 * dead-letter topic.
 */
@ApplicationScoped
public class Consumption {

    @Retry(maxRetries = -1, delay = 200, maxDuration = 1, durationUnit = ChronoUnit.DAYS, jitter = 100,
            abortOn = PoisonRecordException.class)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public void apply(Runnable work) {
        QuarkusTransaction.requiringNew().run(work);
    }

    /** {@link #apply} for work with a result, such as a batch that reports the records it refused. */
    @Retry(maxRetries = -1, delay = 200, maxDuration = 1, durationUnit = ChronoUnit.DAYS, jitter = 100,
            abortOn = PoisonRecordException.class)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public <T> T call(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }
}
