package no.ks.ehelse.notification.domain;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ehelse.notifications")
public interface NotificationConfig {

    /**
     * Events older than this when they arrive update the projections but cause no notifications, so a new deployment
     * reading its topics from the beginning does not mail about last year.
     */
    @WithDefault("7d")
    Duration maxEventAge();

    Delivery delivery();

    Digest digest();

    Webhooks webhooks();

    Links links();

    Reminders reminders();

    Acknowledgement acknowledgement();

    interface Reminders {
        /**
         * A municipality reminded of a deadline of a solution (any of its tracks) is not reminded of a deadline of
         * the same solution again within this period.
         */
        @WithDefault("14d")
        Duration quietPeriod();
    }

    interface Acknowledgement {
        /** No confirmation of receipt this long after the confirmation mail: one reminder to the municipality. */
        @WithDefault("7d")
        Duration remindAfter();

        /** Still none this long after the reminder: the network's e-health contact is told. */
        @WithDefault("7d")
        Duration escalateAfter();

        /** How often due reminders and escalations are looked for. */
        @WithDefault("1m")
        Duration checkInterval();
    }

    interface Delivery {
        /** How often the dispatcher looks for due messages (it is also woken right after new ones commit). */
        @WithDefault("1s")
        Duration pollInterval();

        /** The first retry waits about this long; each further one twice as long, with jitter. */
        @WithDefault("10s")
        Duration initialBackoff();

        @WithDefault("1h")
        Duration maxBackoff();

        /** Parallel sending loops per replica (each holds one database connection while it sends). */
        @WithDefault("4")
        int workers();

        /** A message not delivered this long after it was planned is FAILED. */
        @WithDefault("24h")
        Duration giveUpAfter();
    }

    interface Digest {
        /** When the daily digest goes out, local time. */
        @WithDefault("07:00")
        LocalTime time();

        @WithDefault("Europe/Oslo")
        ZoneId zone();

        /** The day the weekly digest goes out, at {@link #time()}. */
        @WithDefault("MONDAY")
        java.time.DayOfWeek weeklyDay();
    }

    Redelivery redelivery();

    interface Redelivery {
        /** A message may be sent again by hand at most this often. */
        @WithDefault("60s")
        Duration minInterval();

        /** ... and at most this many times within {@link #window()}. */
        @WithDefault("5")
        int maxCount();

        @WithDefault("24h")
        Duration window();
    }

    Subscriptions subscriptions();

    interface Subscriptions {
        /** After a webhook secret is rotated, calls are signed with the old one too for this long. */
        @WithDefault("24h")
        Duration rotationOverlap();

        /** How far back a replay may reach. */
        @WithDefault("30d")
        Duration replayWindow();
    }

    interface Webhooks {
        @WithDefault("10s")
        Duration timeout();

        /** Production refuses plain http endpoints; tests switch this off for a local receiver. */
        @WithDefault("true")
        boolean requireHttps();

        /** SSRF guard: refuse endpoints that resolve to loopback, private, link-local or multicast addresses. */
        @WithDefault("false")
        boolean allowPrivateAddresses();

        /**
         * The ports a webhook URL may name (its scheme's default when it names none); {@code *} allows any, for
         * the local receivers of tests and the local run.
         */
        @WithDefault("443")
        List<String> allowedPorts();

        /**
         * The key webhook secrets are encrypted with at rest (AES-256-GCM): 32 bytes, base64. Required; the
         * service does not start without it.
         */
        Optional<String> secretKey();

        /** Keys secrets may still be encrypted with during a rotation; start-up re-encrypts them with the current one. */
        Optional<List<String>> previousSecretKeys();
    }

    interface Links {
        /** Base URL of enrollment-service's API, for the link in webhook payloads (mails link to pages instead). */
        @WithDefault("http://localhost:8082")
        String enrollmentApi();

        /**
         * Base URL of this service's pages for the links in mails that work without signing in (unsubscribe,
         * confirm a subscription, acknowledge a confirmation) and the preferences page; absolute, https in production.
         */
        @WithDefault("http://localhost:8084")
        String pages();
    }
}
