package no.ks.ehelse.registry.api;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import no.ks.ehelse.registry.domain.NameIndex;

/** Every name's answer in input order, and how many matched by each method. */
public record BulkMatchView(
        Map<NameIndex.Status, Long> byStatus, Map<NameIndex.Method, Long> byMethod, List<MatchView> results) {

    static BulkMatchView of(List<NameIndex.Result> results) {
        Map<NameIndex.Status, Long> byStatus = new EnumMap<>(NameIndex.Status.class);
        Map<NameIndex.Method, Long> byMethod = new EnumMap<>(NameIndex.Method.class);
        for (NameIndex.Result r : results) {
            byStatus.merge(r.status(), 1L, Long::sum);
            if (r.status() == NameIndex.Status.MATCHED) {
                byMethod.merge(r.method(), 1L, Long::sum);
            }
        }
        return new BulkMatchView(
                byStatus, byMethod, results.stream().map(MatchView::of).toList());
    }
}
