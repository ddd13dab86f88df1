package no.ks.ehelse.registry.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.registry.domain.MunicipalityEvents.MunicipalityState;
import no.ks.ehelse.registry.domain.StructuralChange.NewMunicipality;

/**
 * Merges, splits and renumberings: the predecessors end, the successors are created (or keep their own number),
 * both are linked, and every number involved is announced with its new state, all in one transaction.
 */
@ApplicationScoped
public class StructuralChanges {

    private final MunicipalityRegistry registry;
    private final MunicipalityEvents events;
    private final Event<NameMatcher.RegistryChanged> changed;
    private final Clock clock;

    StructuralChanges(
            MunicipalityRegistry registry,
            MunicipalityEvents events,
            Event<NameMatcher.RegistryChanged> changed,
            Clock clock) {
        this.registry = registry;
        this.events = events;
        this.changed = changed;
        this.clock = clock;
    }

    @Transactional
    public List<MunicipalityState> record(StructuralChange change) {
        change.checkShape();
        LocalDate lastDay = change.lastDay();
        List<Municipality> ending = new ArrayList<>();
        for (int i = 0; i < change.predecessors().size(); i++) {
            String number = change.predecessors().get(i);
            Municipality m = Municipality.findById(number);
            if (m == null || !m.validOn(lastDay)) {
                throw ProblemException.invalidField(
                        "predecessors[" + i + "]", number + " is not a municipality valid on " + lastDay);
            }
            ending.add(m);
        }
        List<Municipality> successors = new ArrayList<>();
        List<Municipality> created = new ArrayList<>();
        for (int i = 0; i < change.successors().size(); i++) {
            NewMunicipality s = change.successors().get(i);
            Municipality existing = Municipality.findById(s.kommunenummer());
            if (existing != null) {
                if (!existing.validOn(change.effectiveDate())
                        || change.predecessors().contains(s.kommunenummer())) {
                    throw ProblemException.invalidField(
                            "successors[" + i + "].kommunenummer",
                            s.kommunenummer()
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
                m.network = Areas.requireNetwork(s.network(), "successors[" + i + "].network");
                m.healthRegion = Areas.requireHealthRegion(s.healthRegion(), "successors[" + i + "].healthRegion");
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
        SuccessionGraph graph = registry.graph();
        List<MunicipalityState> states = new ArrayList<>();
        for (Municipality m : ending) {
            MunicipalityState state = MunicipalityState.of(
                    m, graph.successors(m.kommunenummer, change.effectiveDate()), graph.predecessors(m.kommunenummer));
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
}
