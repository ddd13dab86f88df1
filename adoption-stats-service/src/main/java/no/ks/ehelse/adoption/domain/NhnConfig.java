package no.ks.ehelse.adoption.domain;

import java.time.LocalDate;
import java.time.Period;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** NHN's contract as this service reads it: the topic, and which effective dates are plausible. */
@ConfigMapping(prefix = "ehelse.nhn")
public interface NhnConfig {

    /** The topic NHN writes to. */
    String topic();

    EffectiveDates effectiveDates();

    /**
     * A status dated before the national solutions existed, or far in the future, is a mistake at NHN's end: a
     * status dated 9999-12-31 would make every later real report look older and be kept as history only.
     */
    interface EffectiveDates {
        /** The earliest effective date accepted. */
        @WithDefault("2000-01-01")
        LocalDate earliest();

        /** How far past today an effective date may lie (NHN reports planned dates for orders). */
        @WithDefault("P1Y")
        Period ahead();
    }
}
