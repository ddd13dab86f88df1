package no.ks.ehelse.registry.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import no.ks.ehelse.registry.domain.Language;
import no.ks.ehelse.registry.domain.MunicipalityRegistry;

/**
 * An admin correction: only the fields given change. An empty epjVendor clears it. vendors replaces the municipality's
 * vendor references (codes of /api/v1/vendors; [] clears them); epjVendor is the older free text, kept as it is.
 */
@Schema(example = """
        {"population": 292870, "populationDate": "2025-01-01", "vendors": ["dips", "careium"]}""")
public record MunicipalityPatchRequest(
        @Min(value = 0, message = "must be 0 or more")
        @Max(value = 2_000_000, message = "is not a municipality's population")
        Integer population,

        LocalDate populationDate,

        @Size(max = 100, message = "must be at most 100 characters")
        String epjVendor,

        @Schema(description = "Codes of the municipality's EPJ and welfare-technology vendors; replaces the list")
        @Size(max = 20, message = "must list at most 20 vendors")
        List<@NotBlank(message = "must not be blank") @Size(max = 40, message = "must be at most 40 characters") String>
                vendors,

        @Size(max = 60, message = "must be at most 60 characters")
        String network,

        @Size(max = 60, message = "must be at most 60 characters")
        String healthRegion,

        @Schema(description = "The municipality's official målform, the form messages to it are written in")
        Language language) {

    MunicipalityRegistry.Patch patch() {
        return new MunicipalityRegistry.Patch(
                population, populationDate, epjVendor, vendors, network, healthRegion, language);
    }
}
