package no.ks.ehelse.adoption.domain;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Usage per 1000 inhabitants per month, for the dashboard: each metric's latest months in one query over the
 * current usage figures, counted as the usage endpoint counts a month (current municipalities that reported, per
 * 1000 of their inhabitants).
 */
@ApplicationScoped
public class UsageMonths {

    public record Month(
            String metric, String period, double total, long municipalities, long inhabitants, Double per1000) {}

    private final EntityManager em;

    UsageMonths(EntityManager em) {
        this.em = em;
    }

    /** The last {@code months} months with figures of each metric, by metric, newest month first. */
    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Month> latest(String solution, int months) {
        List<Object[]> rows = em.createNativeQuery("SELECT metric, period, total, municipalities, inhabitants FROM ("
                        + " SELECT f.metric, f.period, SUM(f.value) AS total, COUNT(*) AS municipalities,"
                        + " COALESCE(SUM(m.population), 0) AS inhabitants,"
                        + " DENSE_RANK() OVER (PARTITION BY f.metric ORDER BY f.period DESC) AS recent"
                        + " FROM usage_figure f JOIN municipality m ON m.kommunenummer = f.kommunenummer"
                        + " WHERE f.solution = :s AND m.valid_to IS NULL GROUP BY f.metric, f.period) t"
                        + " WHERE recent <= :n ORDER BY metric, period DESC")
                .setParameter("s", solution)
                .setParameter("n", months)
                .getResultList();
        return rows.stream()
                .map(r -> {
                    double total = ((Number) r[2]).doubleValue();
                    long inhabitants = ((Number) r[4]).longValue();
                    return new Month(
                            (String) r[0],
                            (String) r[1],
                            total,
                            ((Number) r[3]).longValue(),
                            inhabitants,
                            inhabitants == 0 ? null : Math.round(total * 1000_000.0 / inhabitants) / 1000.0);
                })
                .toList();
    }
}
