package no.ks.ehelse.registry.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;

/**
 * Keeps a {@link NameIndex} of the current registry. It is small (about 1,300 names), so it is rebuilt whole
 * after any committed change of municipalities instead of being updated piecemeal.
 */
@ApplicationScoped
public class NameMatcher {

    /** Fired by writes that change names or numbers; the index is dropped once they commit. */
    public record RegistryChanged() {}

    private final MunicipalityRegistry registry;
    private final Clock clock;
    private volatile NameIndex index;

    NameMatcher(MunicipalityRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public NameIndex.Result match(String name, NameIndex.Scope scope) {
        requireKnown(scope);
        return index().match(name, scope);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<NameIndex.Result> matchAll(List<String> names, NameIndex.Scope scope) {
        requireKnown(scope);
        NameIndex current = index();
        return names.stream().map(n -> current.match(n, scope)).toList();
    }

    /** A misspelt county or network would narrow to nothing and make every name look unknown. */
    private static void requireKnown(NameIndex.Scope scope) {
        if (scope.county() != null) {
            Areas.requireKnown(Areas.Kind.COUNTY, scope.county(), "county");
        }
        if (scope.network() != null) {
            Areas.requireKnown(Areas.Kind.NETWORK, scope.network(), "network");
        }
    }

    void invalidate(@Observes(during = TransactionPhase.AFTER_SUCCESS) RegistryChanged changed) {
        index = null;
    }

    private NameIndex index() {
        NameIndex current = index;
        if (current == null) {
            current = build();
            index = current;
        }
        return current;
    }

    private NameIndex build() {
        LocalDate today = LocalDate.now(clock);
        SuccessionGraph graph = registry.graph();
        List<NameIndex.Entry> entries = new ArrayList<>();
        List<NameIndex.Former> former = new ArrayList<>();
        for (Municipality m : graph.municipalities().values()) {
            if (m.validOn(today)) {
                entries.add(new NameIndex.Entry(m.kommunenummer, m.name, m.county, m.network));
            } else {
                former.add(new NameIndex.Former(
                        m.kommunenummer,
                        m.name,
                        m.validTo,
                        graph.successors(m.kommunenummer, today).stream()
                                .map(l -> l.kommunenummer())
                                .toList()));
            }
        }
        entries.sort((a, b) -> a.kommunenummer().compareTo(b.kommunenummer()));
        return new NameIndex(entries, former);
    }
}
