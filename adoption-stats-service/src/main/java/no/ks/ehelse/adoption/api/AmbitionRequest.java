package no.ks.ehelse.adoption.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** Exactly one of {@code target} and {@code share}; {@code level} ACTIVE by default. */
@Schema(example = """
        {"target": 147, "outOf": 170, "level": "TECHNICALLY_READY", "note": "Gjort tilgjengelig i 2023"}""")
public record AmbitionRequest(
        @Schema(description = "the number of municipalities in the scope that should reach the level")
        @Min(value = 0, message = "must be 0 or more")
        Integer target,

        @Schema(description = "or the share (above 0, at most 1) of the municipalities in the scope")
        @DecimalMin(value = "0", inclusive = false, message = "must be above 0 and at most 1")
        @DecimalMax(value = "1", message = "must be above 0 and at most 1")
        Double share,

        @Schema(description = "the base the source states the ambition against ('147 of 170'), for reading only")
        @Min(value = 0, message = "must be 0 or more")
        Integer outOf,

        @Schema(description = "the level counted: ACTIVE (default), TECHNICALLY_READY ('made available') or ORDERED")
        ProgressResource.CountedLevel level,

        @Size(max = 1000, message = "must be at most 1000 characters")
        String note) {}
