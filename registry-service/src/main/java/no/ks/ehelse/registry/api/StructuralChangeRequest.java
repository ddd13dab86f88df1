package no.ks.ehelse.registry.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.ks.ehelse.registry.domain.ChangeType;
import no.ks.ehelse.registry.domain.StructuralChange;

/** A merge, split or renumbering with its effective date (the first day of the new numbers). */
@Schema(example = """
        {"type": "SPLIT", "effectiveDate": "2024-01-01", "predecessors": ["1507"],
         "successors": [{"kommunenummer": "1508", "name": "Ålesund", "network": "digi-more-og-romsdal",
                         "healthRegion": "helse-midt-norge"},
                        {"kommunenummer": "1580", "name": "Haram", "network": "digi-more-og-romsdal",
                         "healthRegion": "helse-midt-norge"}]}""")
public record StructuralChangeRequest(
        @NotNull(message = "is required") ChangeType type,
        @NotNull(message = "is required") LocalDate effectiveDate,

        @NotEmpty(message = "must name at least one number") @Size(max = 20, message = "at most 20")
        List<
                        @NotNull(message = "is required")
                        @Pattern(regexp = "[0-9]{4}", message = "must be a 4-digit kommunenummer") String>
                predecessors,

        @NotEmpty(message = "must name at least one municipality") @Size(max = 20, message = "at most 20")
        List<@NotNull(message = "is required") @Valid Successor> successors) {

    public record Successor(
            @NotBlank(message = "is required")
            @Pattern(regexp = "[0-9]{4}", message = "must be a 4-digit kommunenummer")
            String kommunenummer,

            @Size(max = 200, message = "must be at most 200 characters")
            String name,

            @Min(value = 0, message = "must be 0 or more") Integer population,
            LocalDate populationDate,
            String network,
            String healthRegion) {}

    StructuralChange change() {
        return new StructuralChange(
                type,
                effectiveDate,
                predecessors,
                successors.stream()
                        .map(s -> new StructuralChange.NewMunicipality(
                                s.kommunenummer(),
                                s.name(),
                                s.population(),
                                s.populationDate(),
                                s.network(),
                                s.healthRegion()))
                        .toList());
    }
}
