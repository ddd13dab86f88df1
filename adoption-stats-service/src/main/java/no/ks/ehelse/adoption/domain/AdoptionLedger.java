package no.ks.ehelse.adoption.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.ks.ehelse.adoption.events.AdoptionEvents;

/**
 * Applies NHN's reports, from Kafka or a REST import, with the contract's rules: an old kommunenummer counts for
 * the municipality it became; an older status than the one held is history only; a usage figure for the same
 * municipality, solution, metric and month is a correction (the old value is kept with its report time).
 */
@ApplicationScoped
public class AdoptionLedger {

    public enum Outcome { IMPORTED, UPDATED, IGNORED_DUPLICATE, IGNORED_STALE }

    public record StatusReportInput(String eventId, String kommunenummer, String solution, AdoptionLevel status,
            LocalDate effectiveDate) {
    }

    public record UsageReportInput(String kommunenummer, String solution, String metric, String period, double value) {
    }

    private final EntityManager em;
    private final AdoptionEvents events;
    private final Clock clock;

    AdoptionLedger(EntityManager em, AdoptionEvents events, Clock clock) {
        this.em = em;
        this.events = events;
        this.clock = clock;
    }

    /** A rejected report changes nothing and must not doom the caller's transaction (an import goes on). */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = RejectedReport.class)
    public Outcome recordStatus(StatusReportInput report) {
        requireSolution(report.solution());
        if (report.status() == AdoptionLevel.NONE) {
            throw new RejectedReport("status must be ORDERED, TECHNICALLY_READY, ACTIVE or DISCONTINUED");
        }
        Outcome outcome = null;
        for (String kommunenummer : municipalitiesFor(report.kommunenummer(), true)) {
            outcome = strongest(outcome, applyStatus(report, kommunenummer));
        }
        return outcome;
    }

    private Outcome applyStatus(StatusReportInput report, String kommunenummer) {
        StatusReport history = new StatusReport();
        history.eventId = report.eventId();
        history.kommunenummer = kommunenummer;
        history.reportedKommunenummer = report.kommunenummer();
        history.solution = report.solution();
        history.status = report.status();
        history.effectiveDate = report.effectiveDate();
        history.receivedAt = OffsetDateTime.now(clock);

        AdoptionStatus held = AdoptionStatus.findById(new AdoptionStatus.Key(report.solution(), kommunenummer));
        if (held != null && held.status == report.status() && held.effectiveDate.equals(report.effectiveDate())) {
            return Outcome.IGNORED_DUPLICATE;
        }
        history.persist();
        if (held != null && report.effectiveDate().isBefore(held.effectiveDate)) {
            return Outcome.IGNORED_STALE;
        }
        Outcome outcome = held == null ? Outcome.IMPORTED : Outcome.UPDATED;
        if (held == null) {
            held = new AdoptionStatus();
            held.solution = report.solution();
            held.kommunenummer = kommunenummer;
        }
        held.status = report.status();
        held.effectiveDate = report.effectiveDate();
        held.persist();
        if (report.status() == AdoptionLevel.ACTIVE && firstTimeActive(kommunenummer, report)) {
            events.wentLive(kommunenummer, report.solution(), report.effectiveDate());
        }
        return outcome;
    }

    private boolean firstTimeActive(String kommunenummer, StatusReportInput report) {
        return em.createNativeQuery("INSERT INTO went_live_announced (kommunenummer, solution, effective_date) "
                + "VALUES (:k, :s, :d) ON CONFLICT DO NOTHING").setParameter("k", kommunenummer)
                .setParameter("s", report.solution()).setParameter("d", report.effectiveDate()).executeUpdate() == 1;
    }

    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = RejectedReport.class)
    public Outcome recordUsage(UsageReportInput report) {
        requireSolution(report.solution());
        if (report.value() < 0 || Double.isNaN(report.value()) || Double.isInfinite(report.value())) {
            throw new RejectedReport("value must be a number of 0 or more");
        }
        String kommunenummer = municipalitiesFor(report.kommunenummer(), false).get(0);
        var key = new UsageFigure.Key(report.solution(), report.metric(), report.period(), kommunenummer);
        UsageFigure held = UsageFigure.findById(key);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (held == null) {
            UsageFigure figure = new UsageFigure();
            figure.solution = report.solution();
            figure.metric = report.metric();
            figure.period = report.period();
            figure.kommunenummer = kommunenummer;
            figure.value = report.value();
            figure.reportedAt = now;
            figure.persist();
            return Outcome.IMPORTED;
        }
        if (held.value == report.value()) {
            return Outcome.IGNORED_DUPLICATE;
        }
        em.createNativeQuery("INSERT INTO usage_correction (kommunenummer, solution, metric, period, value, reported_at, "
                + "replaced_at) VALUES (:k, :s, :m, :p, :v, :r, :now)").setParameter("k", kommunenummer)
                .setParameter("s", held.solution).setParameter("m", held.metric).setParameter("p", held.period)
                .setParameter("v", held.value).setParameter("r", held.reportedAt).setParameter("now", now)
                .executeUpdate();
        held.value = report.value();
        held.reportedAt = now;
        return Outcome.UPDATED;
    }

    /** The current municipalities a reported number stands for: itself, or what a former number became. */
    private List<String> municipalitiesFor(String kommunenummer, boolean allowSplit) {
        MunicipalityProjection m = MunicipalityProjection.findById(kommunenummer);
        if (m == null) {
            throw new RejectedReport("unknown municipality " + kommunenummer);
        }
        if (m.current()) {
            return List.of(kommunenummer);
        }
        if (m.successors.isEmpty()) {
            throw new RejectedReport("former municipality " + kommunenummer + " has no known successor");
        }
        if (m.successors.size() > 1 && !allowSplit) {
            throw new RejectedReport("former municipality " + kommunenummer + " was split into " + m.successors
                    + "; a usage figure cannot be attributed to one of them");
        }
        return m.successors;
    }

    private static void requireSolution(String code) {
        if (SolutionProjection.findById(code) == null) {
            throw new RejectedReport("unknown solution " + code);
        }
    }

    private static Outcome strongest(Outcome a, Outcome b) {
        return a == null || b.ordinal() < a.ordinal() ? b : a;
    }
}
