package no.ks.ehelse.registry.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.ks.ehelse.platform.api.Problem;
import no.ks.ehelse.platform.api.ProblemException;

/**
 * Host municipality arrangements: recorded, changed and ended by admins, each change announced on
 * {@code registry.host-arrangements.v1} in the same transaction. A partner has at most one host for a solution on
 * any day, so whoever enrolls for it later (issue 19 §5) is never in doubt.
 */
@ApplicationScoped
public class HostArrangements {

    /** What an admin sets; the id is given on registration. */
    public record Details(
            String name,
            String host,
            List<String> partners,
            boolean allSolutions,
            List<String> solutions,
            LocalDate validFrom,
            LocalDate validTo) {}

    /**
     * List filters; null means any. {@code involving}: host or partner; {@code network}: host or a partner in that
     * Diginettverk; {@code validOn}: in force that day.
     */
    public record Filter(String involving, String network, LocalDate validOn) {}

    private final HostArrangementEvents events;
    private final MunicipalityRegistry registry;
    private final Clock clock;

    HostArrangements(HostArrangementEvents events, MunicipalityRegistry registry, Clock clock) {
        this.events = events;
        this.registry = registry;
        this.clock = clock;
    }

    /** Newest first (by validFrom), ended ones included: they are the history. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HostArrangement> list(Filter filter) {
        if (filter.network() != null) {
            Areas.requireKnown(Areas.Kind.NETWORK, filter.network(), "network");
        }
        Set<String> ofNetwork = new HashSet<>();
        if (filter.network() != null) {
            Municipality.<Municipality>list("network", filter.network()).forEach(m -> ofNetwork.add(m.kommunenummer));
        }
        return HostArrangement.<HostArrangement>listAll().stream()
                .filter(a -> filter.involving() == null || a.involves(filter.involving()))
                .filter(a -> filter.network() == null
                        || ofNetwork.contains(a.host)
                        || a.partners.stream().anyMatch(ofNetwork::contains))
                .filter(a -> filter.validOn() == null || a.validOn(filter.validOn()))
                .sorted(Comparator.comparing((HostArrangement a) -> a.validFrom)
                        .reversed()
                        .thenComparing(a -> a.name)
                        .thenComparing(a -> a.id))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public HostArrangement find(UUID id) {
        return HostArrangement.<HostArrangement>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Host arrangement", id.toString()));
    }

    @Transactional
    public HostArrangement register(Details details) {
        HostArrangement arrangement = new HostArrangement();
        arrangement.id = UUID.randomUUID();
        arrangement.createdAt = OffsetDateTime.now(clock);
        check(null, details);
        apply(arrangement, details);
        arrangement.persist();
        events.publish(HostArrangementEvents.REGISTERED, arrangement);
        return arrangement;
    }

    @Transactional
    public HostArrangement change(UUID id, Details details) {
        HostArrangement arrangement = find(id);
        requireNotEnded(arrangement);
        check(id, details);
        apply(arrangement, details);
        events.publish(HostArrangementEvents.CHANGED, arrangement);
        return arrangement;
    }

    /** Ends the arrangement on {@code lastDay} with the reason; it stays, as history. */
    @Transactional
    public HostArrangement end(UUID id, LocalDate lastDay, String reason) {
        HostArrangement arrangement = find(id);
        requireNotEnded(arrangement);
        if (lastDay.isBefore(arrangement.validFrom)) {
            throw ProblemException.invalidField(
                    "validTo", "must be on or after the arrangement's validFrom (" + arrangement.validFrom + ")");
        }
        if (arrangement.validTo != null && lastDay.isAfter(arrangement.validTo)) {
            throw ProblemException.invalidField(
                    "validTo", "must be on or before the arrangement's current validTo (" + arrangement.validTo + ")");
        }
        arrangement.validTo = lastDay;
        arrangement.endReason = reason.strip();
        arrangement.updatedAt = OffsetDateTime.now(clock);
        events.publish(HostArrangementEvents.ENDED, arrangement);
        return arrangement;
    }

    private static void requireNotEnded(HostArrangement arrangement) {
        if (arrangement.endReason != null) {
            throw ProblemException.conflict(
                            "arrangement-ended",
                            "Host arrangement " + arrangement.id + " ended on " + arrangement.validTo
                                    + "; record a new one instead")
                    .with("validTo", arrangement.validTo);
        }
    }

    private void check(UUID self, Details d) {
        LocalDate today = registry.today();
        List<Problem.Violation> violations = new ArrayList<>();
        if (!current(d.host(), today)) {
            violations.add(new Problem.Violation("host", "'" + d.host() + "' is not a current municipality"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < d.partners().size(); i++) {
            String partner = d.partners().get(i);
            String field = "partners[" + i + "]";
            if (partner.equals(d.host())) {
                violations.add(new Problem.Violation(field, "'" + partner + "' is the host itself"));
            } else if (!current(partner, today)) {
                violations.add(new Problem.Violation(field, "'" + partner + "' is not a current municipality"));
            } else if (!seen.add(partner)) {
                violations.add(new Problem.Violation(field, "'" + partner + "' is listed twice"));
            }
        }
        if (d.allSolutions() && !d.solutions().isEmpty()) {
            violations.add(new Problem.Violation("solutions", "must be empty when allSolutions is true"));
        }
        if (!d.allSolutions() && d.solutions().isEmpty()) {
            violations.add(
                    new Problem.Violation("solutions", "must list at least one solution, or allSolutions be true"));
        }
        Set<String> seenSolutions = new HashSet<>();
        for (int i = 0; i < d.solutions().size(); i++) {
            String solution = d.solutions().get(i);
            if (Solution.findById(solution) == null) {
                violations.add(new Problem.Violation(
                        "solutions[" + i + "]", "'" + solution + "' is not a solution in the catalogue"));
            } else if (!seenSolutions.add(solution)) {
                violations.add(new Problem.Violation("solutions[" + i + "]", "'" + solution + "' is listed twice"));
            }
        }
        if (d.validTo() != null && d.validTo().isBefore(d.validFrom())) {
            violations.add(new Problem.Violation("validTo", "must be on or after validFrom (" + d.validFrom() + ")"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(
                    400,
                    "validation",
                    "Invalid request",
                    violations.get(0).field() + ": " + violations.get(0).message(),
                    violations);
        }
        Set<String> solutions = Set.copyOf(d.solutions());
        for (HostArrangement other : HostArrangement.<HostArrangement>listAll()) {
            if (other.id.equals(self)
                    || !other.overlaps(d.validFrom(), d.validTo())
                    || !other.sharesSolutions(d.allSolutions(), solutions)) {
                continue;
            }
            for (String partner : d.partners()) {
                if (other.partners.contains(partner)) {
                    throw ProblemException.conflict(
                                    "partner-already-hosted",
                                    "Municipality " + partner + " is already a partner of host " + other.host + " in '"
                                            + other.name + "' for an overlapping period and solution; a partner has"
                                            + " one host per solution on any day")
                            .with("partner", partner)
                            .with("arrangement", other.id);
                }
            }
        }
    }

    private boolean current(String kommunenummer, LocalDate today) {
        return kommunenummer != null
                && registry.find(kommunenummer).map(m -> m.validOn(today)).orElse(false);
    }

    private void apply(HostArrangement a, Details d) {
        a.name = d.name().strip();
        a.host = d.host();
        a.partners.clear();
        a.partners.addAll(d.partners());
        a.allSolutions = d.allSolutions();
        a.solutions.clear();
        a.solutions.addAll(d.solutions());
        a.validFrom = d.validFrom();
        a.validTo = d.validTo();
        a.updatedAt = OffsetDateTime.now(clock);
    }
}
