package no.ks.ehelse.enrollment.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.ks.ehelse.platform.api.ProblemException;

/**
 * Whether a municipality is ready for a solution (docs/enrollment.md "Beredskap"): five checks, each met or not with
 * its reason in words; ready when every check is met. No weights and no score: the answer is the list.
 */
@ApplicationScoped
public class Readiness {

    /** The checks, in the order an answer lists them. */
    public enum Check {
        NHN_LEVEL("nhn-level"),
        PREREQUISITES("prerequisites"),
        CONTACTS("contacts"),
        VENDOR_SUPPORT("vendor-support"),
        REQUIRED_SOLUTIONS("required-solutions");

        public final String code;

        Check(String code) {
            this.code = code;
        }
    }

    /** One check: met or not, why (Norwegian, for people) and the day it rests on, when there is one. */
    public record Item(Check check, boolean met, String reason, LocalDate since) {}

    public record Answer(
            MunicipalityProjection municipality, SolutionProjection solution, boolean ready, List<Item> items) {}

    private static final Set<String> ORDERED_OR_BEYOND =
            Set.of(AdoptionLevel.ORDERED, AdoptionLevel.TECHNICALLY_READY, AdoptionLevel.ACTIVE);

    private final Clock clock;

    Readiness(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Answer of(String kommunenummer, String solution) {
        MunicipalityProjection municipality = MunicipalityProjection.findById(kommunenummer);
        if (municipality == null) {
            throw ProblemException.notFound("Municipality", kommunenummer);
        }
        SolutionProjection s = SolutionProjection.findById(solution);
        if (s == null) {
            throw ProblemException.notFound("Solution", solution);
        }
        return of(municipality, s, Signals.of(List.of(kommunenummer)));
    }

    /**
     * The ready municipalities that could join the open track, each with its answer: of one network, or of all.
     * A track that is not open invites nobody.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Answer> inviteNext(UUID trackId, String network) {
        Track track = Track.findById(trackId);
        if (track == null) {
            throw ProblemException.notFound("Track", trackId.toString());
        }
        if (network != null) {
            EnrollmentQueries.requireNetwork(network);
        }
        if (track.status != TrackStatus.OPEN) {
            throw ProblemException.conflict(
                    "track-not-open", track.name + " is " + track.status + "; only an open track invites");
        }
        LocalDate today = LocalDate.now(clock);
        List<MunicipalityProjection> candidates = (network == null
                        ? MunicipalityProjection.<MunicipalityProjection>listAll()
                        : MunicipalityProjection.<MunicipalityProjection>list("network", network))
                .stream()
                        .filter(m -> m.validOn(today))
                        .sorted(java.util.Comparator.comparing(m -> m.kommunenummer))
                        .toList();
        Signals signals =
                Signals.of(candidates.stream().map(m -> m.kommunenummer).toList());
        SolutionProjection solution = SolutionProjection.findById(track.solution);
        return candidates.stream()
                .filter(m -> signals.couldJoin(m, track))
                .map(m -> of(m, solution, signals))
                .filter(Answer::ready)
                .toList();
    }

    /** An open track and whom to invite to it next. */
    public record Invitation(Track track, List<Answer> ready) {}

    /** Invite next for every track open for registration today, for the network's municipalities. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Invitation> inviteNext(String network) {
        LocalDate today = LocalDate.now(clock);
        return Track.<Track>list("status", io.quarkus.panache.common.Sort.by("registrationDeadline"), TrackStatus.OPEN)
                .stream()
                .filter(t -> RegistrationWindow.isOpen(t, today))
                .map(t -> new Invitation(t, inviteNext(t.id, network)))
                .toList();
    }

    Answer of(MunicipalityProjection m, SolutionProjection solution, Signals signals) {
        LocalDate today = LocalDate.now(clock);
        List<Item> items = List.of(
                nhnLevel(m, solution, signals),
                prerequisites(m, solution, signals),
                contacts(m, signals),
                vendorSupport(m, solution, today),
                requiredSolutions(m, solution, signals));
        return new Answer(m, solution, items.stream().allMatch(Item::met), items);
    }

    private static Item nhnLevel(MunicipalityProjection m, SolutionProjection solution, Signals signals) {
        Optional<AdoptionLevel> level = signals.level(m.kommunenummer, solution.code);
        if (level.isEmpty()) {
            return new Item(
                    Check.NHN_LEVEL,
                    false,
                    "Norsk helsenett har ikke meldt noe nivå for " + m.name + " på " + solution.name
                            + ": løsningen er ikke bestilt.",
                    null);
        }
        AdoptionLevel l = level.get();
        boolean met = ORDERED_OR_BEYOND.contains(l.level);
        return new Item(
                Check.NHN_LEVEL,
                met,
                "Nivå hos Norsk helsenett: " + levelName(l.level) + (met ? "." : "; løsningen må bestilles på nytt."),
                l.since);
    }

    private static Item prerequisites(MunicipalityProjection m, SolutionProjection solution, Signals signals) {
        Optional<Enrollment> enrollment = signals.enrollment(m.kommunenummer, solution.code);
        if (enrollment.isEmpty()) {
            return new Item(
                    Check.PREREQUISITES,
                    true,
                    m.name + " er ikke påmeldt et innføringsløp for " + solution.name
                            + ", så det er ingen forutsetninger å krysse av ennå.",
                    null);
        }
        Enrollment e = enrollment.get();
        Track track = signals.track(e.trackId);
        List<String> missing = track.plan.prerequisites().stream()
                .filter(p -> !e.prerequisitesDone.contains(p.id()))
                .map(Plan.Prerequisite::description)
                .toList();
        return new Item(
                Check.PREREQUISITES,
                missing.isEmpty(),
                missing.isEmpty()
                        ? "Alle forutsetningene i " + track.name + " er på plass."
                        : "Forutsetninger i " + track.name + " som ikke er krysset av: " + String.join("; ", missing)
                                + ".",
                null);
    }

    private static Item contacts(MunicipalityProjection m, Signals signals) {
        List<String> roles = signals.contacts(m.kommunenummer).map(c -> c.roles).orElse(List.of());
        List<String> missing = new ArrayList<>();
        if (!roles.contains(ContactRoles.EHEALTH_CONTACT)) {
            missing.add("kontaktperson for e-helse");
        }
        if (!roles.contains(ContactRoles.HELSEID_ORDERER)) {
            missing.add("bestiller av HelseID");
        }
        return new Item(
                Check.CONTACTS,
                missing.isEmpty(),
                missing.isEmpty()
                        ? "Registeret har kontaktperson for e-helse og bestiller av HelseID."
                        : "Registeret mangler " + String.join(" og ", missing) + " for " + m.name + ".",
                signals.contacts(m.kommunenummer)
                        .map(c -> c.since.toLocalDate())
                        .orElse(null));
    }

    /**
     * Met when one of the municipality's vendors supports the solution from today or earlier. A solution no vendor
     * of the registry lists support for does not depend on vendor support (it is met, and says so).
     */
    private static Item vendorSupport(MunicipalityProjection m, SolutionProjection solution, LocalDate today) {
        List<VendorProjection> supporting = VendorProjection.<VendorProjection>listAll().stream()
                .filter(v -> v.supportsFrom(solution.code).isPresent())
                .toList();
        if (supporting.isEmpty()) {
            return new Item(
                    Check.VENDOR_SUPPORT,
                    true,
                    "Registeret knytter ikke " + solution.name + " til støtte hos en leverandør.",
                    null);
        }
        Optional<VendorProjection> own = supporting.stream()
                .filter(v -> m.vendors.contains(v.code))
                .min(java.util.Comparator.comparing(
                        v -> v.supportsFrom(solution.code).get()));
        if (own.isEmpty()) {
            return new Item(
                    Check.VENDOR_SUPPORT,
                    false,
                    m.vendors.isEmpty()
                            ? "Registeret har ingen leverandør for " + m.name + "."
                            : "Ingen av leverandørene til " + m.name + " (" + names(m.vendors) + ") støtter "
                                    + solution.name + ".",
                    null);
        }
        LocalDate from = own.get().supportsFrom(solution.code).get();
        boolean met = !from.isAfter(today);
        return new Item(
                Check.VENDOR_SUPPORT,
                met,
                own.get().name + (met ? " støtter " : " skal støtte ") + solution.name + " fra "
                        + from.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")) + ".",
                from);
    }

    private static Item requiredSolutions(MunicipalityProjection m, SolutionProjection solution, Signals signals) {
        if (solution.requires.isEmpty()) {
            return new Item(Check.REQUIRED_SOLUTIONS, true, solution.name + " bygger ikke på andre løsninger.", null);
        }
        List<String> notActive = solution.requires.stream()
                .filter(r -> !signals.live(m.kommunenummer, r))
                .map(Readiness::solutionName)
                .toList();
        String all = String.join(
                ", ", solution.requires.stream().map(Readiness::solutionName).toList());
        return new Item(
                Check.REQUIRED_SOLUTIONS,
                notActive.isEmpty(),
                notActive.isEmpty()
                        ? solution.name + " bygger på " + all + ", som " + m.name + " har tatt i bruk."
                        : solution.name + " bygger på " + all + "; " + m.name + " har ikke tatt i bruk "
                                + String.join(", ", notActive) + ".",
                null);
    }

    private static String solutionName(String code) {
        SolutionProjection s = SolutionProjection.findById(code);
        return s == null ? code : s.name;
    }

    private static String names(List<String> vendors) {
        return String.join(", ", vendors.stream().map(Vendors::name).toList());
    }

    static String levelName(String level) {
        return switch (level) {
            case AdoptionLevel.ORDERED -> "bestilt";
            case AdoptionLevel.TECHNICALLY_READY -> "teknisk klar";
            case AdoptionLevel.ACTIVE -> "i bruk";
            case "DISCONTINUED" -> "avsluttet";
            default -> level;
        };
    }
}
