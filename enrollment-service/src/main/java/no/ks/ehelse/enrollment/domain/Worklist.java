package no.ks.ehelse.enrollment.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * A network's worklist (docs/enrollment.md "Arbeidsliste"): what needs doing in its municipalities, each item with
 * why, since when and where it is fixed, most urgent first. Built from this service's tables and its projections of
 * the registry's, adoption-stats' and notification-service's events.
 */
@ApplicationScoped
public class Worklist {

    /** Why a municipality is on the list; the order is the urgency (a passed date in a running track first). */
    public enum Reason {
        BEHIND_PLAN("behind-plan"),
        PREREQUISITE_OVERDUE("prerequisite-overdue"),
        CONFIRMATION_UNACKNOWLEDGED("confirmation-unacknowledged"),
        NOT_ENROLLED("not-enrolled"),
        NO_CONTACT("no-contact"),
        NO_EHEALTH_CONTACT("no-ehealth-contact"),
        NO_HELSEID_ORDERER("no-helseid-orderer"),
        NHN_LEVEL_STALLED("nhn-level-stalled");

        public final String code;

        Reason(String code) {
            this.code = code;
        }
    }

    /** Where an item is fixed: a page of one of the services (PageLinks makes it an address) and its link text. */
    public record Fix(String service, String path, String text) {}

    /**
     * One thing to do. {@code since} is the day it became due (null when unknown: the registry never announced
     * contacts for the municipality); solution, track and enrollment are set when the item is about one.
     */
    public record Item(
            MunicipalityProjection municipality,
            Reason reason,
            String why,
            LocalDate since,
            String solution,
            UUID trackId,
            UUID enrollmentId,
            Fix fix) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final Comparator<Item> URGENCY = Comparator.comparing(Item::reason)
            .thenComparing(Item::since, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(i -> i.municipality().kommunenummer)
            .thenComparing(i -> i.trackId() == null ? "" : i.trackId().toString());

    private final Clock clock;
    private final Period stalledAfter;

    Worklist(Clock clock, @ConfigProperty(name = "ehelse.worklist.stalled-after") String stalledAfter) {
        this.clock = clock;
        this.stalledAfter = Period.parse(stalledAfter);
    }

    /** How long NHN's level may stay ORDERED or TECHNICALLY_READY before the municipality is on the list. */
    public Period stalledAfter() {
        return stalledAfter;
    }

    /** The network's list, most urgent first; a network code no municipality has is a 400 naming the known ones. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Item> of(String network) {
        EnrollmentQueries.requireNetwork(network);
        LocalDate today = LocalDate.now(clock);
        List<MunicipalityProjection> municipalities =
                MunicipalityProjection.<MunicipalityProjection>list("network", network).stream()
                        .filter(m -> m.validOn(today))
                        .toList();
        Signals signals =
                Signals.of(municipalities.stream().map(m -> m.kommunenummer).toList());
        List<Track> open = Track.<Track>list("status", TrackStatus.OPEN).stream()
                .filter(t -> RegistrationWindow.isOpen(t, today))
                .toList();
        List<Item> items = new ArrayList<>();
        for (MunicipalityProjection m : municipalities) {
            for (Enrollment e : signals.enrollments(m.kommunenummer)) {
                Track track = signals.track(e.trackId);
                behindPlan(m, e, track, today).ifPresent(items::add);
                prerequisitesOverdue(m, e, track, today).ifPresent(items::add);
            }
            for (ConfirmationReceipt r : signals.unacknowledged(m.kommunenummer)) {
                signals.enrollments(m.kommunenummer).stream()
                        .filter(e -> e.id.equals(r.enrollmentId))
                        .findFirst()
                        .ifPresent(e -> items.add(unacknowledged(m, e, signals.track(e.trackId), r)));
            }
            for (Track track : open) {
                if (signals.couldJoin(m, track)) {
                    items.add(notEnrolled(m, track));
                }
            }
            items.addAll(contacts(m, signals.contacts(m.kommunenummer)));
            for (AdoptionLevel level : signals.levels(m.kommunenummer)) {
                stalled(m, level, signals, today).ifPresent(items::add);
            }
        }
        items.sort(URGENCY);
        return List.copyOf(items);
    }

    /** The current phase's planned end, or the track's closing (milestone or date), passed while not live. */
    private static Optional<Item> behindPlan(MunicipalityProjection m, Enrollment e, Track track, LocalDate today) {
        if (e.status != EnrollmentStatus.CONFIRMED) {
            return Optional.empty();
        }
        Optional<Plan.PhasePlan> phase = track.plan.phases().stream()
                .filter(p ->
                        p.phase() == e.phase && p.ends() != null && p.ends().isBefore(today))
                .findFirst();
        if (phase.isPresent()) {
            return Optional.of(new Item(
                    m,
                    Reason.BEHIND_PLAN,
                    "Fasen «" + phaseName(phase.get().phase()) + "» i " + track.name + " skulle vært ferdig "
                            + DAY.format(phase.get().ends()) + ".",
                    phase.get().ends().plusDays(1),
                    track.solution,
                    track.id,
                    e.id,
                    enrollmentPage(e)));
        }
        Optional<LocalDate> closing = track.plan.milestones().stream()
                .filter(ms -> ms.kind() == Plan.MilestoneKind.CLOSING)
                .map(Plan.Milestone::date)
                .findFirst()
                .or(() -> Optional.ofNullable(track.closing))
                .filter(d -> d.isBefore(today));
        return closing.map(d -> new Item(
                m,
                Reason.BEHIND_PLAN,
                track.name + " skulle vært avsluttet " + DAY.format(d) + ", men " + m.name
                        + " har ikke tatt løsningen i bruk.",
                d.plusDays(1),
                track.solution,
                track.id,
                e.id,
                enrollmentPage(e)));
    }

    private static Optional<Item> prerequisitesOverdue(
            MunicipalityProjection m, Enrollment e, Track track, LocalDate today) {
        if (e.status != EnrollmentStatus.CONFIRMED) {
            return Optional.empty();
        }
        List<Plan.Prerequisite> overdue = track.plan.prerequisites().stream()
                .filter(p -> p.dueDate() != null && p.dueDate().isBefore(today))
                .filter(p -> !e.prerequisitesDone.contains(p.id()))
                .sorted(Comparator.comparing(Plan.Prerequisite::dueDate))
                .toList();
        if (overdue.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Item(
                m,
                Reason.PREREQUISITE_OVERDUE,
                "Forutsetninger i " + track.name + " som har passert fristen: "
                        + String.join(
                                "; ",
                                overdue.stream()
                                        .map(p -> p.description() + " (frist " + DAY.format(p.dueDate()) + ")")
                                        .toList())
                        + ".",
                overdue.get(0).dueDate().plusDays(1),
                track.solution,
                track.id,
                e.id,
                new Fix("enrollment", "/pameldinger/" + e.id, "Kryss av forutsetninger")));
    }

    private static Item unacknowledged(MunicipalityProjection m, Enrollment e, Track track, ConfirmationReceipt r) {
        return new Item(
                m,
                Reason.CONFIRMATION_UNACKNOWLEDGED,
                "Ingen i " + m.name + " har bekreftet at de mottok bekreftelsen på påmeldingen til " + track.name
                        + ", heller ikke etter påminnelsen.",
                r.escalatedAt.toLocalDate(),
                track.solution,
                track.id,
                e.id,
                enrollmentPage(e));
    }

    private static Item notEnrolled(MunicipalityProjection m, Track track) {
        LocalDate opened = track.registrationOpens != null ? track.registrationOpens : track.createdAt.toLocalDate();
        return new Item(
                m,
                Reason.NOT_ENROLLED,
                m.name + " er ikke påmeldt " + track.name + ", som kommunen kan bli med i. Påmeldingsfristen er "
                        + DAY.format(track.registrationDeadline) + ".",
                opened,
                track.solution,
                track.id,
                null,
                new Fix("enrollment", "/kommuner/" + m.kommunenummer, "Meld på"));
    }

    private static List<Item> contacts(MunicipalityProjection m, Optional<ContactRoles> roles) {
        Fix fix = new Fix("registry", "/kontakter/" + m.kommunenummer, "Legg til kontakter");
        LocalDate since = roles.map(r -> r.since.toLocalDate()).orElse(null);
        if (roles.isEmpty() || roles.get().contacts == 0) {
            return List.of(new Item(
                    m,
                    Reason.NO_CONTACT,
                    "Registeret har ingen kontaktpersoner for " + m.name + ".",
                    since,
                    null,
                    null,
                    null,
                    fix));
        }
        List<Item> items = new ArrayList<>();
        if (!roles.get().roles.contains(ContactRoles.EHEALTH_CONTACT)) {
            items.add(new Item(
                    m,
                    Reason.NO_EHEALTH_CONTACT,
                    "Registeret har ingen kontaktperson for e-helse i " + m.name + ".",
                    since,
                    null,
                    null,
                    null,
                    fix));
        }
        if (!roles.get().roles.contains(ContactRoles.HELSEID_ORDERER)) {
            items.add(new Item(
                    m,
                    Reason.NO_HELSEID_ORDERER,
                    "Registeret har ingen bestiller av HelseID i " + m.name + ".",
                    since,
                    null,
                    null,
                    null,
                    fix));
        }
        return items;
    }

    private Optional<Item> stalled(MunicipalityProjection m, AdoptionLevel level, Signals signals, LocalDate today) {
        boolean waiting =
                AdoptionLevel.ORDERED.equals(level.level) || AdoptionLevel.TECHNICALLY_READY.equals(level.level);
        if (!waiting
                || signals.live(m.kommunenummer, level.solution)
                || level.since.plus(stalledAfter).isAfter(today)) {
            return Optional.empty();
        }
        SolutionProjection solution = SolutionProjection.findById(level.solution);
        String name = solution == null ? level.solution : solution.name;
        return Optional.of(new Item(
                m,
                Reason.NHN_LEVEL_STALLED,
                m.name + " har stått som «" + Readiness.levelName(level.level) + "» for " + name
                        + " hos Norsk helsenett siden " + DAY.format(level.since) + " uten å ta løsningen i bruk.",
                level.since,
                level.solution,
                null,
                null,
                new Fix(
                        "adoption-stats",
                        "/tall/" + level.solution + "/kommuner/" + m.kommunenummer,
                        "Se historikken")));
    }

    private static Fix enrollmentPage(Enrollment e) {
        return new Fix("enrollment", "/pameldinger/" + e.id, "Åpne påmeldingen");
    }

    private static String phaseName(Plan.Phase phase) {
        return switch (phase) {
            case ANCHOR_AND_PREPARE -> "Forankre og forberede";
            case CARRY_OUT -> "Gjennomføre";
            case CLOSE_AND_REALISE -> "Avslutte og realisere";
        };
    }
}
