package no.ks.ehelse.registry.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import no.ks.ehelse.registry.domain.HostArrangement;

public record HostArrangementView(
        UUID id,
        String name,
        Party host,
        List<Party> partners,
        boolean allSolutions,
        List<String> solutions,
        LocalDate validFrom,
        LocalDate validTo,

        @Schema(description = "Why it ended; null while it has not been ended")
        String endReason,

        @Schema(description = "As of today: PLANNED (starts later), ACTIVE, or ENDED (its last day has passed)")
        Status status) {

    public enum Status {
        PLANNED,
        ACTIVE,
        ENDED
    }

    /** A municipality of the arrangement, with its name. */
    public record Party(String kommunenummer, String name) {}

    static HostArrangementView of(HostArrangement a, LocalDate today, Function<String, String> names) {
        Status status = a.validFrom.isAfter(today)
                ? Status.PLANNED
                : a.validTo != null && a.validTo.isBefore(today) ? Status.ENDED : Status.ACTIVE;
        return new HostArrangementView(
                a.id,
                a.name,
                new Party(a.host, names.apply(a.host)),
                a.partners.stream().map(p -> new Party(p, names.apply(p))).toList(),
                a.allSolutions,
                List.copyOf(a.solutions),
                a.validFrom,
                a.validTo,
                a.endReason,
                status);
    }
}
