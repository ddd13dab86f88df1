package no.ks.ehelse.adoption.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The two times every figure has: the municipalities valid on a day (valid time, from the registry's validity and
 * successions) and the statuses effective on that day as the suite knew them at a moment (transaction time, from
 * when each report arrived). Pure: the rows are read by {@link Figures}.
 */
public final class Timeline {

    /** A municipality number with its validity, as the registry announced it. */
    public record Member(
            String kommunenummer,
            String name,
            String county,
            String network,
            String healthRegion,
            Integer population,
            LocalDate validFrom,
            LocalDate validTo,
            List<String> successors) {

        boolean validOn(LocalDate day) {
            return (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || !validTo.isBefore(day));
        }

        boolean former() {
            return validTo != null;
        }
    }

    /** One status report: the municipality it counts for now, the number it was reported under, when it arrived. */
    public record Row(
            String kommunenummer,
            String reportedAs,
            AdoptionLevel level,
            LocalDate effectiveDate,
            long id,
            OffsetDateTime receivedAt) {}

    /** The municipalities valid on a day, and what had to be approximated for them, in words. */
    public record MunicipalitySet(LocalDate validOn, List<Member> members, List<String> approximations) {}

    private final Map<String, Member> byNumber = new HashMap<>();
    private final List<Member> all;

    public Timeline(List<Member> all) {
        this.all = List.copyOf(all);
        all.forEach(m -> byNumber.put(m.kommunenummer(), m));
    }

    /**
     * The municipalities valid on {@code day}; null is today's set (the numbers without an end). A former number
     * has no network, health region or population of its own in the registry: it takes its successors' network
     * and health region (the first successor's), and their summed population, and the set says so.
     */
    public MunicipalitySet on(LocalDate day) {
        List<Member> members = new ArrayList<>();
        Set<String> approximated = new TreeSet<>();
        for (Member m : all) {
            boolean valid = day == null ? m.validTo() == null : m.validOn(day);
            if (!valid) {
                continue;
            }
            if (!m.former()) {
                members.add(m);
                continue;
            }
            List<Member> successors = m.successors().stream()
                    .map(byNumber::get)
                    .filter(s -> s != null)
                    .toList();
            String network = m.network();
            String region = m.healthRegion();
            Integer population = m.population();
            if (network == null && !successors.isEmpty()) {
                network = successors.get(0).network();
            }
            if (region == null && !successors.isEmpty()) {
                region = successors.get(0).healthRegion();
            }
            if (population == null && !successors.isEmpty()) {
                int sum = 0;
                for (Member s : successors) {
                    sum += s.population() == null ? 0 : s.population();
                }
                population = sum;
                approximated.add(m.kommunenummer() + " " + m.name() + ": population is the sum of its successors "
                        + String.join(", ", m.successors()) + " (the registry's figures for them)");
            }
            members.add(new Member(
                    m.kommunenummer(),
                    m.name(),
                    m.county(),
                    network,
                    region,
                    population,
                    m.validFrom(),
                    m.validTo(),
                    m.successors()));
        }
        members.sort(java.util.Comparator.comparing(Member::kommunenummer));
        List<String> notes = new ArrayList<>(approximated);
        return new MunicipalitySet(day, members, notes);
    }

    /**
     * Replays status reports in effective-date order and answers the level of a municipality on a day. Reports are
     * the ones the suite had received by the chosen moment, so an answer "as known at" stays the same when a
     * correction arrives later. Days are asked in increasing order (a series sweeps month by month).
     */
    public static final class Sweep {

        private final List<Row> rows;
        private int next;
        private final Map<String, AdoptionLevel> counted = new HashMap<>();
        private final Map<String, AdoptionLevel> reported = new HashMap<>();

        /** @param rows sorted by effective date, then id (the order the ledger decides ties in) */
        public Sweep(List<Row> rows) {
            this.rows = rows;
        }

        public void advanceTo(LocalDate day) {
            while (next < rows.size() && !rows.get(next).effectiveDate().isAfter(day)) {
                Row r = rows.get(next++);
                counted.put(r.kommunenummer(), r.level());
                reported.put(r.reportedAs(), r.level());
            }
        }

        /**
         * A current number counts every report attributed to it (its predecessors' too, as the ledger does). A former
         * number counts the reports made under it; if there are none, the strongest level of its successors.
         */
        public AdoptionLevel levelOf(Member m) {
            if (!m.former()) {
                return counted.getOrDefault(m.kommunenummer(), AdoptionLevel.NONE);
            }
            AdoptionLevel own = reported.get(m.kommunenummer());
            if (own != null) {
                return own;
            }
            AdoptionLevel level = AdoptionLevel.NONE;
            for (String s : new LinkedHashSet<>(m.successors())) {
                level = AdoptionLevel.strongest(level, counted.getOrDefault(s, AdoptionLevel.NONE));
            }
            return level;
        }
    }
}
