package no.ks.ehelse.enrollment.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;

/** Who enrolled, who did not, and how far a track has come. */
@ApplicationScoped
public class EnrollmentQueries {

    /** "When are we done?": counts per status and the share of the track's municipalities that are live. */
    public record Progress(
            UUID trackId, Map<EnrollmentStatus, Long> byStatus, long participating, long live, double shareLive) {}

    private final Clock clock;

    EnrollmentQueries(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PanacheQuery<Enrollment> ofTrack(UUID trackId, EnrollmentStatus status, Caller caller) {
        requireTrack(trackId);
        Sort order = Sort.by("queueNumber");
        if (onlyOwnNetwork(caller)) {
            String ofNetwork = "trackId = ?1 AND kommunenummer IN "
                    + "(SELECT m.kommunenummer FROM MunicipalityProjection m WHERE m.network = ?2)";
            return status == null
                    ? Enrollment.find(ofNetwork, order, trackId, caller.network())
                    : Enrollment.find(ofNetwork + " AND status = ?3", order, trackId, caller.network(), status);
        }
        return status == null
                ? Enrollment.find("trackId", order, trackId)
                : Enrollment.find("trackId = ?1 AND status = ?2", order, trackId, status);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PanacheQuery<Enrollment> ofMunicipality(String kommunenummer, Caller caller) {
        Access.requireMayRead(caller, kommunenummer);
        return Enrollment.find("kommunenummer", Sort.descending("queuedAt"), kommunenummer);
    }

    /** A network token (and no wider role) sees the enrollments of its own municipalities only. */
    private static boolean onlyOwnNetwork(Caller caller) {
        return caller.has(Roles.NETWORK)
                && !caller.has(Roles.ADMIN)
                && !caller.has(Roles.LEAD)
                && !caller.has(Roles.READER);
    }

    /** The current municipalities of a network (or of all networks) with no active enrollment in the track. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MunicipalityProjection> notEnrolled(UUID trackId, String network) {
        requireTrack(trackId);
        if (network != null) {
            requireNetwork(network);
        }
        LocalDate today = LocalDate.now(clock);
        String query = "(validFrom IS NULL OR validFrom <= ?1) AND (validTo IS NULL OR validTo >= ?1) "
                + "AND kommunenummer NOT IN (SELECT e.kommunenummer FROM Enrollment e WHERE e.trackId = ?2 "
                + "AND e.status <> ?3)";
        Sort sort = Sort.by("network").and("kommunenummer");
        return network == null
                ? MunicipalityProjection.list(query, sort, today, trackId, EnrollmentStatus.WITHDRAWN)
                : MunicipalityProjection.list(
                        query + " AND network = ?4", sort, today, trackId, EnrollmentStatus.WITHDRAWN, network);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Progress progress(UUID trackId) {
        requireTrack(trackId);
        Map<EnrollmentStatus, Long> byStatus = new EnumMap<>(EnrollmentStatus.class);
        for (EnrollmentStatus status : EnrollmentStatus.values()) {
            byStatus.put(status, Enrollment.count("trackId = ?1 AND status = ?2", trackId, status));
        }
        long live = byStatus.get(EnrollmentStatus.LIVE) + byStatus.get(EnrollmentStatus.COMPLETED);
        long participating = live + byStatus.get(EnrollmentStatus.CONFIRMED);
        return new Progress(
                trackId,
                byStatus,
                participating,
                live,
                participating == 0 ? 0 : Math.round(1000.0 * live / participating) / 1000.0);
    }

    /** A network code no municipality of the registry belongs to is a misspelling, not an empty network. */
    static void requireNetwork(String network) {
        List<String> known = MunicipalityProjection.getEntityManager()
                .createQuery(
                        "SELECT DISTINCT m.network FROM MunicipalityProjection m WHERE m.network IS NOT NULL "
                                + "ORDER BY m.network",
                        String.class)
                .getResultList();
        if (!known.contains(network)) {
            throw ProblemException.invalidField(
                            "network",
                            known.isEmpty()
                                    ? "is not a known network code (no municipalities are known yet)"
                                    : "must be a known network code: " + String.join(", ", known))
                    .with("allowed", known);
        }
    }

    private static void requireTrack(UUID trackId) {
        if (Track.findById(trackId) == null) {
            throw ProblemException.notFound("Track", trackId.toString());
        }
    }
}
