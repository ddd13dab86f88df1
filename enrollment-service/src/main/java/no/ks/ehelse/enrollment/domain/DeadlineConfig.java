package no.ks.ehelse.enrollment.domain;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ehelse.deadlines")
public interface DeadlineConfig {

    /** Days before a registration deadline when deadline-approaching fires, e.g. 14 and 3. */
    @WithDefault("14,3")
    List<Integer> approachingDays();

    /** How often the watch looks for deadlines (it also runs on start); read by the @Scheduled expression. */
    @WithDefault("60s")
    java.time.Duration checkInterval();
}
