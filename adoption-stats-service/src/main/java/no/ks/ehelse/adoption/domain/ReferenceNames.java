package no.ks.ehelse.adoption.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.ks.ehelse.platform.api.ProblemException;

/**
 * Names beside codes: Diginettverk, counties and health regions (reference data of migration V10), and the strict
 * check of a filter naming one of them. An unknown code answered with an empty list would read as "none there".
 */
@ApplicationScoped
public class ReferenceNames {

    public enum Kind {
        NETWORK("SELECT code, name FROM network_name ORDER BY code"),
        COUNTY("SELECT fylkesnummer, name FROM county_name ORDER BY fylkesnummer"),
        HEALTH_REGION("SELECT code, name FROM health_region_name ORDER BY code");

        final String query;

        Kind(String query) {
            this.query = query;
        }
    }

    private final EntityManager em;
    private volatile Map<Kind, Map<String, String>> names;

    ReferenceNames(EntityManager em) {
        this.em = em;
    }

    /** The name of {@code code}, or the code itself when it has none (a code the reference data lacks). */
    public String name(Kind kind, String code) {
        if (code == null) {
            return null;
        }
        return all(kind).getOrDefault(code, code);
    }

    /** Codes to names, ordered by code. */
    public Map<String, String> all(Kind kind) {
        Map<Kind, Map<String, String>> loaded = names;
        if (loaded == null) {
            loaded = load();
            names = loaded;
        }
        return loaded.get(kind);
    }

    /** Refuses a filter value that is not a known code, naming the parameter and the allowed values. */
    public void require(Kind kind, String parameter, String code) {
        if (code == null || all(kind).containsKey(code)) {
            return;
        }
        List<String> allowed = List.copyOf(all(kind).keySet());
        throw ProblemException.invalidField(parameter, "must be one of " + String.join(", ", allowed))
                .with("allowed", allowed);
    }

    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.SUPPORTS)
    Map<Kind, Map<String, String>> load() {
        Map<Kind, Map<String, String>> loaded = new java.util.EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            Map<String, String> byCode = new LinkedHashMap<>();
            for (Object[] row :
                    (List<Object[]>) em.createNativeQuery(kind.query).getResultList()) {
                byCode.put((String) row[0], (String) row[1]);
            }
            loaded.put(kind, java.util.Collections.unmodifiableMap(byCode));
        }
        return loaded;
    }
}
