package no.ks.ehelse.registry.api;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of name matching, the one read that costs real CPU per name. */
@ConfigMapping(prefix = "ehelse.match")
public interface MatchConfig {

    Rate rate();

    interface Rate {
        /**
         * Names one caller (token subject) may have matched per period: a GET counts one, a POST its list. The
         * bucket refills evenly over the period, so a caller may also spend it in one burst.
         */
        @WithDefault("20000")
        int names();

        @WithDefault("60s")
        Duration period();
    }
}
