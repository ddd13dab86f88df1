package no.ks.ehelse.registry.domain;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.platform.events.Outbox;

/**
 * Municipality events on {@code registry.municipalities.v1}, keyed by kommunenummer. The topic is compacted and
 * every event carries the municipality's whole state, so the last event of a key is enough to rebuild it.
 */
@ApplicationScoped
public class MunicipalityEvents {

    public static final String TOPIC = "registry.municipalities.v1";
    public static final String REGISTERED = "no.ks.ehelse.municipality.registered.v1";
    public static final String CHANGED = "no.ks.ehelse.municipality.changed.v1";
    public static final String MERGED = "no.ks.ehelse.municipality.merged.v1";
    public static final String SPLIT = "no.ks.ehelse.municipality.split.v1";
    public static final String RENUMBERED = "no.ks.ehelse.municipality.renumbered.v1";

    public record Link(String kommunenummer, String name, LocalDate effectiveDate, ChangeType changeType) {}

    /** The whole state of one number; successors/predecessors name current municipalities. */
    public record MunicipalityState(
            String kommunenummer,
            String name,
            String county,
            LocalDate validFrom,
            LocalDate validTo,
            Integer population,
            LocalDate populationDate,
            String network,
            String healthRegion,
            String epjVendor,
            List<String> vendors,
            Language language,
            List<Link> successors,
            List<Link> predecessors) {

        public static MunicipalityState of(Municipality m, List<Link> successors, List<Link> predecessors) {
            return new MunicipalityState(
                    m.kommunenummer,
                    m.name,
                    m.county,
                    m.validFrom,
                    m.validTo,
                    m.population,
                    m.populationDate,
                    m.network,
                    m.healthRegion,
                    m.epjVendor,
                    List.copyOf(m.vendors),
                    m.language,
                    successors,
                    predecessors);
        }
    }

    private final Outbox outbox;

    MunicipalityEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void publish(String type, MunicipalityState state) {
        outbox.publish(TOPIC, state.kommunenummer(), type, state.kommunenummer(), state);
    }

    public static String typeOf(ChangeType change) {
        return switch (change) {
            case MERGED -> MERGED;
            case SPLIT -> SPLIT;
            case RENUMBERED -> RENUMBERED;
        };
    }
}
