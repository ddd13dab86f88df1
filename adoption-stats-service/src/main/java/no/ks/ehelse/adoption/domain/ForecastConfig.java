package no.ks.ehelse.adoption.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How "when are we done?" is projected (docs/dashboards.md, "Forecast method"). */
@ConfigMapping(prefix = "ehelse.forecast")
public interface ForecastConfig {

    /** How many complete months before the current one the went-live rate is observed over. */
    @WithDefault("6")
    int windowMonths();

    /** Fewer months with went-lives than this in the window is "not enough data": no dates are projected. */
    @WithDefault("3")
    int minMonthsWithWentLives();
}
