package no.ks.ehelse.registry.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.registry.domain.MunicipalityEvents.MunicipalityState;

/**
 * Municipalities: queries over numbers and their periods, and admin corrections. Merges, splits and renumberings
 * are {@link StructuralChanges}.
 */
@ApplicationScoped
public class MunicipalityRegistry {

    /** List filters; null means "any". {@code validOn} null means today. */
    public record Filter(
            String county, String network, String healthRegion, String namePrefix, String vendor, LocalDate validOn) {}

    /** An admin correction; null fields are left as they are. {@code vendors} replaces the vendor references. */
    public record Patch(
            Integer population,
            LocalDate populationDate,
            String epjVendor,
            List<String> vendors,
            String network,
            String healthRegion,
            Language language) {}

    private final MunicipalityEvents events;
    private final Clock clock;

    MunicipalityRegistry(MunicipalityEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PanacheQuery<Municipality> list(Filter filter, Sort sort) {
        if (filter.county() != null) {
            Areas.requireKnown(Areas.Kind.COUNTY, filter.county(), "county");
        }
        if (filter.network() != null) {
            Areas.requireKnown(Areas.Kind.NETWORK, filter.network(), "network");
        }
        if (filter.healthRegion() != null) {
            Areas.requireKnown(Areas.Kind.HEALTH_REGION, filter.healthRegion(), "healthRegion");
        }
        if (filter.vendor() != null && Vendor.findById(filter.vendor()) == null) {
            throw ProblemException.invalidField("vendor", "'" + filter.vendor() + "' is not a vendor in the registry");
        }
        StringBuilder q =
                new StringBuilder("(validFrom IS NULL OR validFrom <= :day) AND (validTo IS NULL OR validTo >= :day)");
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
        if (filter.vendor() != null) {
            q.append(" AND :vendor MEMBER OF vendors");
            params.put("vendor", filter.vendor());
        }
        if (filter.namePrefix() != null) {
            q.append(" AND lower(name) LIKE :prefix");
            params.put(
                    "prefix",
                    filter.namePrefix().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return Municipality.find(q.toString(), sort, params);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Municipality> find(String kommunenummer) {
        return Municipality.findByIdOptional(kommunenummer);
    }

    /** Every number the registry holds, current and former, with who became whom. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SuccessionGraph graph() {
        Map<String, Municipality> all = new HashMap<>();
        for (Municipality m : Municipality.<Municipality>listAll()) {
            all.put(m.kommunenummer, m);
        }
        return new SuccessionGraph(all, Succession.listAll());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MunicipalityState state(Municipality m) {
        return state(m, graph());
    }

    MunicipalityState state(Municipality m, SuccessionGraph graph) {
        return MunicipalityState.of(
                m,
                m.validOn(today()) ? List.of() : graph.successors(m.kommunenummer, today()),
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
        if (patch.vendors() != null) {
            List<String> vendors = Vendors.checkedReferences("vendors", patch.vendors());
            m.vendors.clear();
            m.vendors.addAll(vendors);
        }
        if (patch.network() != null) {
            m.network = Areas.requireNetwork(patch.network(), "network");
        }
        if (patch.healthRegion() != null) {
            m.healthRegion = Areas.requireHealthRegion(patch.healthRegion(), "healthRegion");
        }
        if (patch.language() != null) {
            m.language = patch.language();
        }
        m.updatedAt = OffsetDateTime.now(clock);
        MunicipalityState state = state(m);
        events.publish(MunicipalityEvents.CHANGED, state);
        return state;
    }

    private Municipality requireCurrent(String kommunenummer) {
        Municipality m = Municipality.<Municipality>findByIdOptional(kommunenummer)
                .orElseThrow(() -> ProblemException.notFound("Municipality", kommunenummer));
        if (!m.validOn(today())) {
            throw new ProblemException(
                            409,
                            "former-municipality",
                            "Former municipality",
                            kommunenummer + " " + m.name + " is no longer valid (until " + m.validTo
                                    + "); change the municipality it became")
                    .with("successors", graph().successors(kommunenummer, today()));
        }
        return m;
    }
}
