package no.ks.ehelse.enrollment.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import no.ks.ehelse.enrollment.domain.Readiness;

/** A municipality's readiness for a solution: ready when every item is met; each item says why. */
public record ReadinessView(
        String kommunenummer,
        String municipality,
        String solution,
        String solutionName,
        boolean ready,
        List<Item> items) {

    public record Item(
            @Schema(enumeration = {"nhn-level", "prerequisites", "contacts", "vendor-support", "required-solutions"})
            String check,

            boolean met,

            @Schema(description = "why, in Norwegian, for people")
            String reason,

            @Schema(description = "the day the item rests on (NHN level since, vendor support from), when there is one")
            LocalDate since) {}

    static ReadinessView of(Readiness.Answer answer) {
        return new ReadinessView(
                answer.municipality().kommunenummer,
                answer.municipality().name,
                answer.solution().code,
                answer.solution().name,
                answer.ready(),
                answer.items().stream()
                        .map(i -> new Item(i.check().code, i.met(), i.reason(), i.since()))
                        .toList());
    }
}
