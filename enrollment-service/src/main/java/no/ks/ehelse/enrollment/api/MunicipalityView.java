package no.ks.ehelse.enrollment.api;

import no.ks.ehelse.enrollment.domain.MunicipalityProjection;

public record MunicipalityView(String kommunenummer, String name, String county, String network) {

    static MunicipalityView of(MunicipalityProjection m) {
        return new MunicipalityView(m.kommunenummer, m.name, m.county, m.network);
    }
}
