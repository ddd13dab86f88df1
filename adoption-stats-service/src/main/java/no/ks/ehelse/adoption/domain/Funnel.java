package no.ks.ehelse.adoption.domain;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.ks.ehelse.platform.answers.Answer;
import no.ks.ehelse.platform.answers.KeptAnswers;

/**
 * From enrollment to live, per track and for the solution: how many, and the median days it took. A municipality
 * that NHN reports live from a date before it enrolled was already live: it counts as live and as already live,
 * and stays out of the median, which is therefore never negative. Tracks are named as enrollment-service announced
 * them and listed by name; the id stays for machines.
 */
@ApplicationScoped
public class Funnel {

    /** A track's stage: {@code trackName} from enrollment.tracks.v1, null until the track has been announced. */
    public record Stage(
            UUID trackId, String trackName, long enrolled, long live, long alreadyLive, Double medianDaysToLive) {}

    public record SolutionFunnel(
            String solution, long enrolled, long live, long alreadyLive, Double medianDaysToLive, List<Stage> tracks)
            implements Answer {}

    private final KeptAnswers kept;

    Funnel(KeptAnswers kept) {
        this.kept = kept;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SolutionFunnel of(String solution) {
        Solutions.require(solution);
        return kept.answer("funnel", solution, List.of(), f -> 1 + f.tracks().size(), () -> compute(solution));
    }

    private SolutionFunnel compute(String solution) {
        List<EnrollmentProjection> all = EnrollmentProjection.list("solution = ?1 AND status <> 'WITHDRAWN'", solution);
        Map<UUID, List<EnrollmentProjection>> byTrack =
                all.stream().collect(Collectors.groupingBy(e -> e.trackId, TreeMap::new, Collectors.toList()));
        List<Stage> tracks = new ArrayList<>();
        Map<UUID, String> names = new HashMap<>();
        TrackProjection.<TrackProjection>list("solution", solution).forEach(t -> names.put(t.id, t.name));
        byTrack.forEach((track, list) -> tracks.add(stage(track, names.get(track), list)));
        tracks.sort(Comparator.comparing(
                        (Stage s) -> s.trackName() == null ? s.trackId().toString() : s.trackName(),
                        String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Stage::trackId));
        Stage total = stage(null, null, all);
        return new SolutionFunnel(
                solution, total.enrolled(), total.live(), total.alreadyLive(), total.medianDaysToLive(), tracks);
    }

    private static Stage stage(UUID track, String name, List<EnrollmentProjection> enrollments) {
        long live = enrollments.stream().filter(e -> e.wentLiveOn != null).count();
        List<Long> days = enrollments.stream()
                .filter(e -> e.wentLiveOn != null)
                .map(e -> ChronoUnit.DAYS.between(e.enrolledAt.toLocalDate(), e.wentLiveOn))
                .filter(d -> d >= 0)
                .sorted()
                .toList();
        Double median = days.isEmpty()
                ? null
                : days.size() % 2 == 1
                        ? (double) days.get(days.size() / 2)
                        : (days.get(days.size() / 2 - 1) + days.get(days.size() / 2)) / 2.0;
        return new Stage(track, name, enrollments.size(), live, live - days.size(), median);
    }
}
