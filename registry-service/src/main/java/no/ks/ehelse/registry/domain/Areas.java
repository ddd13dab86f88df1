package no.ks.ehelse.registry.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.ks.ehelse.platform.api.ProblemException;

/** The groupings municipalities belong to: counties, Diginettverk and health regions, with current members. */
@ApplicationScoped
public class Areas {

    public enum Kind {
        COUNTY("county"),
        NETWORK("network"),
        HEALTH_REGION("healthRegion");

        final String field;

        Kind(String field) {
            this.field = field;
        }
    }

    public record Area(Kind kind, String code, String name) {}

    private final Clock clock;

    Areas(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Area> list(Kind kind) {
        return switch (kind) {
            case COUNTY ->
                County.<County>listAll(Sort.by("fylkesnummer")).stream()
                        .map(c -> new Area(kind, c.fylkesnummer, c.name))
                        .toList();
            case NETWORK ->
                Network.<Network>listAll(Sort.by("name")).stream()
                        .map(n -> new Area(kind, n.code, n.name))
                        .toList();
            case HEALTH_REGION ->
                HealthRegion.<HealthRegion>listAll(Sort.by("name")).stream()
                        .map(h -> new Area(kind, h.code, h.name))
                        .toList();
        };
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Area> find(Kind kind, String code) {
        return list(kind).stream().filter(a -> a.code().equals(code)).findFirst();
    }

    /** The municipalities valid today that belong to the area. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Municipality> members(Kind kind, String code) {
        return Municipality.list(
                kind.field + " = ?1 AND (validFrom IS NULL OR validFrom <= ?2) "
                        + "AND (validTo IS NULL OR validTo >= ?2)",
                Sort.by("kommunenummer"),
                code,
                LocalDate.now(clock));
    }

    /**
     * Refuses a filter code no area of the kind has, listing the known ones: a misspelt code ("Digi Vestland" for
     * digi-vestland) must not read as an area without municipalities. Counties count every fylkesnummer a
     * municipality has had, so filters on a day before a county reform keep working.
     */
    static void requireKnown(Kind kind, String code, String field) {
        List<String> known =
                switch (kind) {
                    case COUNTY ->
                        Municipality.getEntityManager()
                                .createQuery(
                                        "SELECT DISTINCT m.county FROM Municipality m WHERE m.county IS NOT NULL "
                                                + "ORDER BY m.county",
                                        String.class)
                                .getResultList();
                    case NETWORK ->
                        Network.<Network>listAll(Sort.by("code")).stream()
                                .map(n -> n.code)
                                .toList();
                    case HEALTH_REGION ->
                        HealthRegion.<HealthRegion>listAll(Sort.by("code")).stream()
                                .map(h -> h.code)
                                .toList();
                };
        if (!known.contains(code)) {
            throw ProblemException.invalidField(field, "must be one of " + String.join(", ", known))
                    .with("allowed", known);
        }
    }

    static String requireNetwork(String code, String field) {
        if (code == null || Network.findById(code) == null) {
            throw ProblemException.invalidField(field, "must be a known network code, e.g. digi-vestland");
        }
        return code;
    }

    static String requireHealthRegion(String code, String field) {
        if (code == null || HealthRegion.findById(code) == null) {
            throw ProblemException.invalidField(field, "must be a known health region code, e.g. helse-vest");
        }
        return code;
    }
}
