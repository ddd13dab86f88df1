package no.ks.ehelse.registry.api;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import no.ks.ehelse.registry.domain.MunicipalityRegistry;

/** An admin correction: only the fields given change. An empty epjVendor clears it. */
@Schema(example = """
        {"population": 292870, "populationDate": "2025-01-01", "epjVendor": "DIPS"}""")
public record MunicipalityPatchRequest(
        @Min(value = 0, message = "must be 0 or more")
        @Max(value = 2_000_000, message = "is not a municipality's population")
        Integer population,

        LocalDate populationDate,

        @Size(max = 100, message = "must be at most 100 characters")
        String epjVendor,

        @Size(max = 60, message = "must be at most 60 characters")
        String network,

        @Size(max = 60, message = "must be at most 60 characters")
        String healthRegion) {

    MunicipalityRegistry.Patch patch() {
        return new MunicipalityRegistry.Patch(population, populationDate, epjVendor, network, healthRegion);
    }
}
