package no.ks.ehelse.enrollment.domain;

import java.time.Duration;
import java.time.Period;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Information meetings: the cancel links, the abuse limits and how long personal data is kept (docs/enrollment.md). */
@ConfigMapping(prefix = "ehelse.meetings")
public interface MeetingsConfig {

    /** The HMAC key that signs cancel links; at least 32 characters, no default (checked on start). */
    String linkKey();

    /** The absolute address people reach the public pages at, for links in mails (no trailing slash). */
    String publicUrl();

    /** Personal data of a registration is removed this long after its meeting ended. */
    @WithDefault("P90D")
    Period retention();

    /** How often the retention job looks (it also runs on start). */
    @WithDefault("1h")
    Duration retentionInterval();

    /** Registration and resend requests per e-mail address within {@link #limitWindow()}. */
    @WithDefault("5")
    int limitPerEmail();

    /** Registration and resend requests per client address within {@link #limitWindow()}. */
    @WithDefault("20")
    int limitPerClient();

    @WithDefault("1h")
    Duration limitWindow();

    /**
     * Whether the first hop of X-Forwarded-For is the client (only behind a proxy that sets it, as the ingress
     * does); otherwise the connection's remote address is.
     */
    @WithDefault("false")
    boolean trustForwardedFor();
}
