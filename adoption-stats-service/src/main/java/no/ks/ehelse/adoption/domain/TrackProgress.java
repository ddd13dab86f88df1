package no.ks.ehelse.adoption.domain;

import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.ks.ehelse.platform.api.ProblemException;

/**
 * A track's municipalities through the phases against its plan, today: from the enrollments (their phase and
 * went-live date), NHN's current status of each municipality, and the plan's phase dates ({@link TrackPlan}).
 */
@ApplicationScoped
public class TrackProgress {

    /** One municipality of the track: where it is, what NHN reports, and how it stands against the plan. */
    public record Member(
            String kommunenummer,
            String name,
            String network,
            String enrollmentStatus,
            Phase phase,
            AdoptionLevel level,
            LocalDate liveSince,
            TrackPlan.Assessment assessment,
            List<TrackPlan.Reason> reasons) {}

    /** The track's municipalities in one phase of their enrollment, by how they stand. */
    public record PhaseCount(
            Phase phase, boolean plannedNow, long municipalities, long live, long onPlan, long ahead, long behind) {}

    public record Progress(
            UUID trackId,
            String name,
            String solution,
            String solutionName,
            String cohort,
            String vendor,
            String status,
            LocalDate today,
            TrackPlan.Stage plannedStage,
            LocalDate plannedSince,
            LocalDate liveBy,
            List<TrackProjection.PlannedPhase> plan,
            long enrolled,
            long live,
            long alreadyLive,
            long behind,
            long waitlisted,
            List<PhaseCount> phases,
            List<Member> municipalities) {}

    private final Figures figures;

    TrackProgress(Figures figures) {
        this.figures = figures;
    }

    /** The track's progress today; an unknown track (never announced on enrollment.tracks.v1) is a 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Progress of(UUID trackId) {
        TrackProjection track = trackId == null ? null : TrackProjection.findById(trackId);
        if (track == null) {
            throw ProblemException.notFound("Track", String.valueOf(trackId));
        }
        LocalDate today = figures.today();
        TrackPlan plan = new TrackPlan(track.phases);
        TrackPlan.Today now = plan.on(today);
        List<EnrollmentProjection> enrollments =
                EnrollmentProjection.list("trackId = ?1 AND status <> 'WITHDRAWN'", trackId);
        Map<String, AdoptionStatus> statuses = new HashMap<>();
        AdoptionStatus.<AdoptionStatus>list("solution", track.solution).forEach(s -> statuses.put(s.kommunenummer, s));
        List<Member> members = new ArrayList<>();
        for (EnrollmentProjection e : enrollments) {
            MunicipalityProjection m = MunicipalityProjection.findById(e.kommunenummer);
            AdoptionStatus nhn = statuses.get(e.kommunenummer);
            AdoptionLevel level = nhn == null ? AdoptionLevel.NONE : nhn.status;
            LocalDate liveSince = earliest(level == AdoptionLevel.ACTIVE ? nhn.effectiveDate : null, e.wentLiveOn);
            TrackPlan.Verdict verdict = plan.judge(
                    new TrackPlan.Position(
                            e.phase, "WAITLISTED".equals(e.status), e.enrolledAt.toLocalDate(), liveSince),
                    today);
            members.add(new Member(
                    e.kommunenummer,
                    m == null ? e.kommunenummer : m.name,
                    m == null ? null : m.network,
                    e.status,
                    e.phase,
                    level,
                    liveSince,
                    verdict.assessment(),
                    verdict.reasons()));
        }
        Collator norwegian = Collator.getInstance(Locale.forLanguageTag("nb"));
        members.sort(Comparator.comparing(Member::name, norwegian).thenComparing(Member::kommunenummer));
        return new Progress(
                track.id,
                track.name,
                track.solution,
                Solutions.require(track.solution).name,
                track.cohort,
                track.vendor,
                track.status,
                today,
                now.stage(),
                now.since(),
                now.liveBy(),
                track.phases,
                members.stream()
                        .filter(m -> m.assessment() != TrackPlan.Assessment.WAITLISTED)
                        .count(),
                count(members, TrackPlan.Assessment.LIVE) + count(members, TrackPlan.Assessment.ALREADY_LIVE),
                count(members, TrackPlan.Assessment.ALREADY_LIVE),
                count(members, TrackPlan.Assessment.BEHIND),
                count(members, TrackPlan.Assessment.WAITLISTED),
                phases(members, now.stage()),
                members);
    }

    private static List<PhaseCount> phases(List<Member> members, TrackPlan.Stage planned) {
        Map<Phase, long[]> counts = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) {
            counts.put(p, new long[5]);
        }
        for (Member m : members) {
            if (m.assessment() == TrackPlan.Assessment.WAITLISTED) {
                continue;
            }
            long[] c = counts.get(m.phase() == null ? Phase.ANCHOR_AND_PREPARE : m.phase());
            c[0]++;
            switch (m.assessment()) {
                case LIVE, ALREADY_LIVE -> c[1]++;
                case ON_PLAN -> c[2]++;
                case AHEAD -> c[3]++;
                case BEHIND -> c[4]++;
                default -> {}
            }
        }
        List<PhaseCount> result = new ArrayList<>();
        counts.forEach((p, c) ->
                result.add(new PhaseCount(p, TrackPlan.Stage.of(p) == planned, c[0], c[1], c[2], c[3], c[4])));
        return result;
    }

    private static long count(List<Member> members, TrackPlan.Assessment a) {
        return members.stream().filter(m -> m.assessment() == a).count();
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
