package no.ks.ehelse.platform.events;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ehelse.events")
public interface EventsConfig {

    /** The CloudEvents {@code source} of everything this service publishes, e.g. urn:no:ks:ehelse:registry. */
    String source();

    Relay relay();

    interface Relay {
        /** Events per transaction of the relay. */
        @WithDefault("500")
        int batchSize();

        /** How often the relay looks for events another replica or a failed attempt left behind. */
        @WithDefault("1s")
        Duration pollInterval();

        /** How long to wait for the broker's acknowledgement before the batch is retried. */
        @WithDefault("30s")
        Duration ackTimeout();
    }
}
