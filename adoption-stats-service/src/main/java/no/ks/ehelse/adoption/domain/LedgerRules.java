package no.ks.ehelse.adoption.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import no.ks.ehelse.adoption.domain.AdoptionLedger.Outcome;
import no.ks.ehelse.adoption.domain.AdoptionLedger.Report;
import no.ks.ehelse.adoption.domain.AdoptionLedger.StatusReportInput;
import no.ks.ehelse.adoption.domain.AdoptionLedger.UsageReportInput;
import no.ks.ehelse.platform.events.PoisonCategory;

/**
 * The contract's rules for NHN's reports, applied in memory to the rows one batch touches, in the order the reports
 * came: an old kommunenummer counts for the municipality it became (every successor of a split number, for a
 * status); an older status than the one held is history only; the first ACTIVE per municipality and solution is a
 * went-live; a usage figure for the same municipality, solution, metric and month is a correction, and the replaced
 * value is kept with its report time. Holds the rows as they were before the batch and as the batch leaves them.
 */
final class LedgerRules {

    /** A number the registry knows: current, or former with the current municipalities it became. */
    record Municipality(boolean current, List<String> successors) {}

    record StatusKey(String solution, String kommunenummer) {}

    record UsageKey(String solution, String metric, String period, String kommunenummer) {}

    record Status(AdoptionLevel level, LocalDate effectiveDate) {}

    record Usage(double value, OffsetDateTime reportedAt) {}

    /** A status report as history, for the municipality it counts for and the number it was reported under. */
    record History(
            String eventId,
            String kommunenummer,
            String reportedKommunenummer,
            String solution,
            AdoptionLevel level,
            LocalDate effectiveDate) {}

    /** A usage figure replaced by a correction. */
    record Correction(UsageKey key, Usage replaced) {}

    private final Map<String, Municipality> municipalities;
    private final Set<String> solutions;
    private final OffsetDateTime now;
    private final Map<StatusKey, Status> statuses = new LinkedHashMap<>();
    private final Map<UsageKey, Usage> usage = new LinkedHashMap<>();
    private final Set<StatusKey> changedStatuses = new HashSet<>();
    private final Set<UsageKey> changedUsage = new HashSet<>();
    private final List<History> history = new ArrayList<>();
    private final List<Correction> corrections = new ArrayList<>();
    private final Map<StatusKey, AdoptionEvents.WentLive> firstActive = new LinkedHashMap<>();

    /**
     * @param municipalities the numbers the reports name, as the registry knows them (an absent one is unknown)
     * @param solutions      the solution codes the registry knows, of those the reports name
     * @param now            the time a new usage figure is reported at
     */
    LedgerRules(Map<String, Municipality> municipalities, Set<String> solutions, OffsetDateTime now) {
        this.municipalities = Map.copyOf(municipalities);
        this.solutions = Set.copyOf(solutions);
        this.now = now;
    }

    /** Null when the report can be applied, else why it never can be. */
    String rejection(Report report) {
        Rejection rejection = rejectionOf(report);
        return rejection == null ? null : rejection.reason();
    }

    /** Why a report can never be applied, and what kind of fault that is; null when it can be applied. */
    Rejection rejectionOf(Report report) {
        if (!solutions.contains(report.solution())) {
            return new Rejection(PoisonCategory.UNKNOWN_REFERENCE, "unknown solution " + report.solution());
        }
        if (report instanceof StatusReportInput s && s.status() == AdoptionLevel.NONE) {
            return new Rejection(
                    PoisonCategory.INVALID_VALUE, "status must be ORDERED, TECHNICALLY_READY, ACTIVE or DISCONTINUED");
        }
        if (report instanceof UsageReportInput u
                && (u.value() < 0 || Double.isNaN(u.value()) || Double.isInfinite(u.value()))) {
            return new Rejection(PoisonCategory.INVALID_VALUE, "value must be a number of 0 or more");
        }
        String number = report.kommunenummer();
        Municipality m = municipalities.get(number);
        if (m == null) {
            return new Rejection(PoisonCategory.UNKNOWN_REFERENCE, "unknown municipality " + number);
        }
        if (m.current()) {
            return null;
        }
        if (m.successors().isEmpty()) {
            return new Rejection(
                    PoisonCategory.UNKNOWN_REFERENCE, "former municipality " + number + " has no known successor");
        }
        if (m.successors().size() > 1 && report instanceof UsageReportInput) {
            return new Rejection(
                    PoisonCategory.UNKNOWN_REFERENCE,
                    "former municipality " + number + " was split into " + m.successors()
                            + "; a usage figure cannot be attributed to one of them");
        }
        return null;
    }

    /** A report's rejection: the category for the dead-letter header and the reason for people. */
    record Rejection(PoisonCategory category, String reason) {}

    /** The current municipalities an applicable report counts for: its own number, or what that number became. */
    List<String> targets(Report report) {
        Municipality m = municipalities.get(report.kommunenummer());
        return m.current() ? List.of(report.kommunenummer()) : m.successors();
    }

    /** The status rows the reports touch, to be read before {@link #apply}. */
    Set<StatusKey> statusKeys(Collection<? extends Report> reports) {
        Set<StatusKey> keys = new HashSet<>();
        for (Report r : reports) {
            if (r instanceof StatusReportInput) {
                targets(r).forEach(k -> keys.add(new StatusKey(r.solution(), k)));
            }
        }
        return keys;
    }

    /** The usage rows the reports touch, to be read before {@link #apply}. */
    Set<UsageKey> usageKeys(Collection<? extends Report> reports) {
        Set<UsageKey> keys = new HashSet<>();
        for (Report r : reports) {
            if (r instanceof UsageReportInput u) {
                targets(r).forEach(k -> keys.add(new UsageKey(u.solution(), u.metric(), u.period(), k)));
            }
        }
        return keys;
    }

    /** The rows as held before the batch. */
    void hold(Map<StatusKey, Status> heldStatuses, Map<UsageKey, Usage> heldUsage) {
        statuses.putAll(heldStatuses);
        usage.putAll(heldUsage);
    }

    /** Applies one applicable report; a status for a split number says the strongest outcome over its successors. */
    Outcome apply(Report report) {
        List<String> municipalities = targets(report);
        if (report instanceof UsageReportInput u) {
            return usage(u, municipalities.get(0));
        }
        Outcome outcome = null;
        for (String kommunenummer : municipalities) {
            Outcome o = status((StatusReportInput) report, kommunenummer);
            outcome = outcome == null || o.ordinal() < outcome.ordinal() ? o : outcome;
        }
        return outcome;
    }

    private Outcome status(StatusReportInput report, String kommunenummer) {
        StatusKey key = new StatusKey(report.solution(), kommunenummer);
        Status held = statuses.get(key);
        if (held != null
                && held.level() == report.status()
                && held.effectiveDate().equals(report.effectiveDate())) {
            return Outcome.IGNORED_DUPLICATE;
        }
        history.add(new History(
                report.eventId(),
                kommunenummer,
                report.kommunenummer(),
                report.solution(),
                report.status(),
                report.effectiveDate()));
        if (held != null && report.effectiveDate().isBefore(held.effectiveDate())) {
            return Outcome.IGNORED_STALE;
        }
        statuses.put(key, new Status(report.status(), report.effectiveDate()));
        changedStatuses.add(key);
        if (report.status() == AdoptionLevel.ACTIVE) {
            firstActive.putIfAbsent(
                    key, new AdoptionEvents.WentLive(kommunenummer, report.solution(), report.effectiveDate()));
        }
        return held == null ? Outcome.IMPORTED : Outcome.UPDATED;
    }

    private Outcome usage(UsageReportInput report, String kommunenummer) {
        UsageKey key = new UsageKey(report.solution(), report.metric(), report.period(), kommunenummer);
        Usage held = usage.get(key);
        if (held != null && held.value() == report.value()) {
            return Outcome.IGNORED_DUPLICATE;
        }
        if (held != null) {
            corrections.add(new Correction(key, held));
        }
        usage.put(key, new Usage(report.value(), now));
        changedUsage.add(key);
        return held == null ? Outcome.IMPORTED : Outcome.UPDATED;
    }

    OffsetDateTime now() {
        return now;
    }

    /** Every status applied (stale ones included), in report order. */
    List<History> history() {
        return List.copyOf(history);
    }

    /** The current status of each row the batch changed. */
    Map<StatusKey, Status> changedStatuses() {
        Map<StatusKey, Status> changed = new LinkedHashMap<>();
        changedStatuses.forEach(k -> changed.put(k, statuses.get(k)));
        return changed;
    }

    /** The replaced usage figures, in report order. */
    List<Correction> corrections() {
        return List.copyOf(corrections);
    }

    /** The current figure of each usage row the batch changed. */
    Map<UsageKey, Usage> changedUsage() {
        Map<UsageKey, Usage> changed = new LinkedHashMap<>();
        changedUsage.forEach(k -> changed.put(k, usage.get(k)));
        return changed;
    }

    /**
     * The batch's first ACTIVE per municipality and solution, in the order it met them: a went-live unless an
     * earlier batch announced it already (which only the database knows).
     */
    List<AdoptionEvents.WentLive> firstActive() {
        return List.copyOf(firstActive.values());
    }
}
