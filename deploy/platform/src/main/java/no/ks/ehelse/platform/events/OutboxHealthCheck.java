package no.ks.ehelse.platform.events;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reports the outbox backlog and the relay's last error. It stays UP while Kafka is away on purpose: writes keep
 * working (the outbox holds the events), so taking the service out of rotation would lose requests, not events.
 * Operators alert on {@code ehelse_outbox_pending} instead (docs/operations.md).
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final OutboxRelay relay;

    OutboxHealthCheck(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("outbox").up().withData("pending", relay.pending());
        if (relay.lastError() != null) {
            response.withData("lastError", relay.lastError())
                    .withData("since", relay.lastFailure().toString());
        }
        return response.build();
    }
}
