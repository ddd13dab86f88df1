package no.ks.ehelse.registry.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import no.ks.ehelse.registry.domain.Language;
import no.ks.ehelse.registry.domain.MunicipalityEvents.Link;
import no.ks.ehelse.registry.domain.MunicipalityEvents.MunicipalityState;

/**
 * One municipality number. For a former number, {@code current} is false and {@code successors} says which
 * municipalities it became and when.
 */
@Schema(example = """
        {"kommunenummer": "3005", "name": "Drammen", "county": "30", "current": false, "validFrom": "2020-01-01",
         "validTo": "2023-12-31", "successors": [{"kommunenummer": "3301", "name": "Drammen",
         "effectiveDate": "2024-01-01", "changeType": "RENUMBERED"}], "predecessors": []}""")
public record MunicipalityView(
        String kommunenummer,
        String name,
        String county,
        boolean current,
        LocalDate validFrom,
        LocalDate validTo,
        Integer population,
        LocalDate populationDate,
        String network,
        String healthRegion,

        @Schema(description = "Free text, kept for compatibility; see vendors")
        String epjVendor,

        @Schema(description = "Codes of the municipality's EPJ and welfare-technology vendors (/api/v1/vendors)")
        List<String> vendors,

        @Schema(description = "The municipality's official målform (BOKMAL unless corrected): messages to it use it")
        Language language,

        List<Link> successors,
        List<Link> predecessors) {

    static MunicipalityView of(MunicipalityState s, boolean current) {
        return new MunicipalityView(
                s.kommunenummer(),
                s.name(),
                s.county(),
                current,
                s.validFrom(),
                s.validTo(),
                s.population(),
                s.populationDate(),
                s.network(),
                s.healthRegion(),
                s.epjVendor(),
                s.vendors(),
                s.language(),
                s.successors(),
                s.predecessors());
    }
}
