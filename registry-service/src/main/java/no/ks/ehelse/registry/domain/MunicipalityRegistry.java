package no.ks.ehelse.registry.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.registry.domain.MunicipalityEvents.MunicipalityState;

/** Municipalities: queries over numbers and their periods, admin corrections, and merges, splits, renumberings. */
@ApplicationScoped
public class MunicipalityRegistry {

    /** List filters; null means "any". {@code validOn} null means today. */
    public record Filter(String county, String network, String healthRegion, String namePrefix, LocalDate validOn) {
    }

    /** An admin correction; null fields are left as they are. */
    public record Patch(Integer population, LocalDate populationDate, String epjVendor, String network,
            String healthRegion) {
    }

    /** A number created by a merge, split or renumbering. The county is its first two digits. */
    public record NewMunicipality(String kommunenummer, String name, Integer population, LocalDate populationDate,
            String network, String healthRegion) {
    }

    /**
     * A change of the municipal structure. {@code predecessors} are the numbers that end the day before
     * {@code effectiveDate}; a successor that already exists keeps its number and absorbs them.
     */
    public record StructuralChange(ChangeType type, LocalDate effectiveDate, List<String> predecessors,
            List<NewMunicipality> successors) {
    }

    private final MunicipalityEvents events;
    private final Event<NameMatcher.RegistryChanged> changed;
    private final Clock clock;

    MunicipalityRegistry(MunicipalityEvents events, Event<NameMatcher.RegistryChanged> changed, Clock clock) {
        this.events = events;
        this.changed = changed;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PanacheQuery<Municipality> list(Filter filter, Sort sort) {
        StringBuilder q = new StringBuilder("(validFrom IS NULL OR validFrom <= :day) AND (validTo IS NULL OR validTo >= :day)");
        Map<String, Object> params = new HashMap<>();
        params.put("day", filter.validOn() == null ? today() : filter.validOn());
        if (filter.county() != null) {
            q.append(" AND county = :county");
            params.put("county", filter.county());
        }
        if (filter.network() != null) {
            q.append(" AND network = :network");
            params.put("network", filter.network());
        }
        if (filter.healthRegion() != null) {
            q.append(" AND healthRegion = :healthRegion");
            params.put("healthRegion", filter.healthRegion());
        }
        if (filter.namePrefix() != null) {
            q.append(" AND lower(name) LIKE :prefix");
            params.put("prefix", filter.namePrefix().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return Municipality.find(q.toString(), sort, params);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Municipality> find(String kommunenummer) {
        return Municipality.findByIdOptional(kommunenummer);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MunicipalityState state(Municipality m) {
        return state(m, SuccessionGraph.load());
    }

    MunicipalityState state(Municipality m, SuccessionGraph graph) {
        return MunicipalityState.of(m, m.validOn(today()) ? List.of() : graph.successors(m.kommunenummer, today()),
                graph.predecessors(m.kommunenummer));
    }

    @Transactional
    public MunicipalityState correct(String kommunenummer, Patch patch) {
        Municipality m = requireCurrent(kommunenummer);
        if (patch.population() != null) {
            if (patch.populationDate() == null) {
                throw ProblemException.invalidField("populationDate", "is required when population is given");
            }
            m.population = patch.population();
            m.populationDate = patch.populationDate();
        }
        if (patch.epjVendor() != null) {
            m.epjVendor = patch.epjVendor().isBlank() ? null : patch.epjVendor().strip();
        }
        if (patch.network() != null) {
            m.network = requireNetwork(patch.network(), "network");
        }
        if (patch.healthRegion() != null) {
            m.healthRegion = requireHealthRegion(patch.healthRegion(), "healthRegion");
        }
        m.updatedAt = OffsetDateTime.now(clock);
        MunicipalityState state = state(m);
        events.publish(MunicipalityEvents.CHANGED, state);
        return state;
    }

    @Transactional
    public List<MunicipalityState> record(StructuralChange change) {
        checkShape(change);
        LocalDate lastDay = change.effectiveDate().minusDays(1);
        List<Municipality> ending = new ArrayList<>();
        for (int i = 0; i < change.predecessors().size(); i++) {
            String number = change.predecessors().get(i);
            Municipality m = Municipality.findById(number);
            if (m == null || !m.validOn(lastDay)) {
                throw ProblemException.invalidField("predecessors[" + i + "]",
                        number + " is not a municipality valid on " + lastDay);
            }
            ending.add(m);
        }
        List<Municipality> successors = new ArrayList<>();
        List<Municipality> created = new ArrayList<>();
        for (int i = 0; i < change.successors().size(); i++) {
            NewMunicipality s = change.successors().get(i);
            Municipality existing = Municipality.findById(s.kommunenummer());
            if (existing != null) {
                if (!existing.validOn(change.effectiveDate()) || change.predecessors().contains(s.kommunenummer())) {
                    throw ProblemException.invalidField("successors[" + i + "].kommunenummer", s.kommunenummer()
                            + " is already used; a successor is either a new number or a municipality that keeps its own");
                }
                successors.add(existing);
            } else {
                Municipality m = new Municipality();
                m.kommunenummer = s.kommunenummer();
                if (s.name() == null || s.name().isBlank()) {
                    throw ProblemException.invalidField("successors[" + i + "].name", "is required for a new number");
                }
                m.name = s.name().strip();
                m.county = s.kommunenummer().substring(0, 2);
                m.validFrom = change.effectiveDate();
                m.population = s.population();
                m.populationDate = s.populationDate();
                m.network = requireNetwork(s.network(), "successors[" + i + "].network");
                m.healthRegion = requireHealthRegion(s.healthRegion(), "successors[" + i + "].healthRegion");
                m.updatedAt = OffsetDateTime.now(clock);
                m.persist();
                successors.add(m);
                created.add(m);
            }
        }
        for (Municipality m : ending) {
            m.validTo = lastDay;
            m.updatedAt = OffsetDateTime.now(clock);
            for (Municipality s : successors) {
                Succession link = new Succession();
                link.predecessor = m.kommunenummer;
                link.successor = s.kommunenummer;
                link.effectiveDate = change.effectiveDate();
                link.changeType = change.type();
                link.persist();
            }
        }
        Succession.getEntityManager().flush();
        SuccessionGraph graph = SuccessionGraph.load();
        List<MunicipalityState> states = new ArrayList<>();
        for (Municipality m : ending) {
            MunicipalityState state = MunicipalityState.of(m, graph.successors(m.kommunenummer, change.effectiveDate()),
                    graph.predecessors(m.kommunenummer));
            events.publish(MunicipalityEvents.typeOf(change.type()), state);
            states.add(state);
        }
        for (Municipality s : successors) {
            MunicipalityState state = MunicipalityState.of(s, List.of(), graph.predecessors(s.kommunenummer));
            events.publish(created.contains(s) ? MunicipalityEvents.REGISTERED : MunicipalityEvents.CHANGED, state);
            states.add(state);
        }
        changed.fire(new NameMatcher.RegistryChanged());
        return states;
    }

    private static void checkShape(StructuralChange change) {
        int from = change.predecessors().size();
        int to = change.successors().size();
        String problem = switch (change.type()) {
            case MERGED -> from >= 2 && to == 1 ? null : "a merge has two or more predecessors and one successor";
            case SPLIT -> from == 1 && to >= 2 ? null : "a split has one predecessor and two or more successors";
            case RENUMBERED -> from == 1 && to == 1 ? null : "a renumbering has one predecessor and one successor";
        };
        if (problem != null) {
            throw ProblemException.invalidField("type", problem);
        }
        if (new HashSet<>(change.predecessors()).size() != from) {
            throw ProblemException.invalidField("predecessors", "must not repeat a number");
        }
    }

    private Municipality requireCurrent(String kommunenummer) {
        Municipality m = Municipality.<Municipality>findByIdOptional(kommunenummer)
                .orElseThrow(() -> ProblemException.notFound("Municipality", kommunenummer));
        if (!m.validOn(today())) {
            throw new ProblemException(409, "former-municipality", "Former municipality",
                    kommunenummer + " " + m.name + " is no longer valid (until " + m.validTo
                            + "); change the municipality it became")
                    .with("successors", SuccessionGraph.load().successors(kommunenummer, today()));
        }
        return m;
    }

    private static String requireNetwork(String code, String field) {
        if (code == null || Network.findById(code) == null) {
            throw ProblemException.invalidField(field, "must be a known network code, e.g. digi-vestland");
        }
        return code;
    }

    private static String requireHealthRegion(String code, String field) {
        if (code == null || HealthRegion.findById(code) == null) {
            throw ProblemException.invalidField(field, "must be a known health region code, e.g. helse-vest");
        }
        return code;
    }
}
