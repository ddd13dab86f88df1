package no.ks.ehelse.registry.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import no.ks.ehelse.registry.domain.Areas;
import no.ks.ehelse.registry.domain.Municipality;

/**
 * A county, network or health region with its current member municipalities and their population. A list holds
 * {@code memberCount} alone; one area's detail also its {@code members}, the same municipalities by name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AreaView(String code, String name, int memberCount, long population, List<MunicipalitySummary> members) {

    static AreaView of(Areas.Area area, List<Municipality> members, boolean withMembers) {
        long population = members.stream()
                .mapToLong(m -> m.population == null ? 0 : m.population)
                .sum();
        return new AreaView(
                area.code(),
                area.name(),
                members.size(),
                population,
                withMembers ? members.stream().map(MunicipalitySummary::of).toList() : null);
    }
}
