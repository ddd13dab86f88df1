package no.ks.ehelse.registry.api;

import java.time.LocalDate;

import no.ks.ehelse.registry.domain.Municipality;

/** A municipality in a list. */
public record MunicipalitySummary(
        String kommunenummer,
        String name,
        String county,
        String network,
        String healthRegion,
        Integer population,
        LocalDate validFrom,
        LocalDate validTo) {

    static MunicipalitySummary of(Municipality m) {
        return new MunicipalitySummary(
                m.kommunenummer, m.name, m.county, m.network, m.healthRegion, m.population, m.validFrom, m.validTo);
    }
}
