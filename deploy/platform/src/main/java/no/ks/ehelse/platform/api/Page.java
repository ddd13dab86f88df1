package no.ks.ehelse.platform.api;

import java.util.List;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** One page of a list. Every list endpoint answers with this shape. */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <E, T> Page<T> of(PanacheQuery<E> query, PageRequest request, Function<E, T> mapper) {
        request.offset();
        long total = query.count();
        List<T> items = query.page(io.quarkus.panache.common.Page.of(request.page(), request.size())).list().stream()
                .map(mapper)
                .toList();
        return new Page<>(
                items, request.page(), request.size(), total, (int) ((total + request.size() - 1) / request.size()));
    }

    public static <T> Page<T> of(List<T> all, PageRequest request) {
        int from = Math.min(all.size(), request.offset());
        int to = Math.min(all.size(), from + request.size());
        return new Page<>(
                all.subList(from, to),
                request.page(),
                request.size(),
                all.size(),
                (all.size() + request.size() - 1) / request.size());
    }
}
