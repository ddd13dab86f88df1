package no.ks.ehelse.registry.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.ks.ehelse.registry.domain.HostArrangements;

/**
 * A host municipality arrangement as an admin records or replaces it: the host, its partners, which solutions (or
 * all) and the period.
 */
@Schema(name = "HostArrangementRequest", example = """
        {"name": "Vertskommunesamarbeid e-helse Sunnhordland", "host": "4614", "partners": ["4615", "4616"],
         "allSolutions": false, "solutions": ["vkp"], "validFrom": "2025-01-01", "validTo": null}""")
public record HostArrangementRequest(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
        String name,

        @NotNull(message = "is required") @Pattern(regexp = "[0-9]{4}", message = "must be a 4-digit kommunenummer")
        String host,

        @NotEmpty(message = "must name at least one partner municipality")
        @Size(max = 50, message = "must list at most 50 municipalities")
        List<
                        @NotNull(message = "must not be null")
                        @Pattern(regexp = "[0-9]{4}", message = "must be a 4-digit kommunenummer") String>
                partners,

        @Schema(description = "true: every solution, and solutions is empty or omitted")
        @NotNull(message = "is required")
        Boolean allSolutions,

        @Size(max = 50, message = "must list at most 50 solutions")
        List<@NotBlank(message = "must not be blank") @Size(max = 40, message = "must be at most 40 characters") String>
                solutions,

        @NotNull(message = "is required") LocalDate validFrom,

        @Schema(description = "The last day; null or omitted: open-ended")
        LocalDate validTo) {

    HostArrangements.Details details() {
        return new HostArrangements.Details(
                name, host, partners, allSolutions, solutions == null ? List.of() : solutions, validFrom, validTo);
    }
}
