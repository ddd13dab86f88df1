package no.ks.ehelse.registry.domain;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import no.ks.ehelse.registry.domain.MunicipalityEvents.Link;

/**
 * Who became whom. The reference data is already resolved to 2024 numbers, but merges and splits recorded later
 * add hops, so successors are followed until a number valid on the given day is reached.
 */
public final class SuccessionGraph {

    private final Map<String, Municipality> municipalities;
    private final Map<String, List<Succession>> byPredecessor = new HashMap<>();
    private final Map<String, List<Succession>> bySuccessor = new HashMap<>();

    public SuccessionGraph(Map<String, Municipality> municipalities, List<Succession> successions) {
        this.municipalities = municipalities;
        for (Succession s : successions) {
            byPredecessor.computeIfAbsent(s.predecessor, k -> new ArrayList<>()).add(s);
            bySuccessor.computeIfAbsent(s.successor, k -> new ArrayList<>()).add(s);
        }
    }

    /** The municipalities valid on {@code day} that a number became; the date and kind are of its own ending. */
    public List<Link> successors(String kommunenummer, LocalDate day) {
        List<Link> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Succession first : byPredecessor.getOrDefault(kommunenummer, List.of())) {
            Deque<String> queue = new ArrayDeque<>(List.of(first.successor));
            while (!queue.isEmpty()) {
                String next = queue.pop();
                Municipality target = municipalities.get(next);
                if (target == null || !seen.add(next)) {
                    continue;
                }
                List<Succession> onward = byPredecessor.getOrDefault(next, List.of());
                if (target.validOn(day) || onward.isEmpty()) {
                    result.add(new Link(target.kommunenummer, target.name, first.effectiveDate, first.changeType));
                } else {
                    onward.forEach(s -> queue.add(s.successor));
                }
            }
        }
        return result;
    }

    /** The former numbers that became this one directly. */
    public List<Link> predecessors(String kommunenummer) {
        return bySuccessor.getOrDefault(kommunenummer, List.of()).stream()
                .map(s ->
                        new Link(s.predecessor, municipalities.get(s.predecessor).name, s.effectiveDate, s.changeType))
                .toList();
    }

    public Map<String, Municipality> municipalities() {
        return municipalities;
    }
}
