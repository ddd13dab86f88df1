package no.ks.ehelse.adoption.domain;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.ks.ehelse.platform.answers.KeptAnswers;

/**
 * From enrollment to live, per track and for the solution: how many, and the median days it took. A municipality
 * that NHN reports live from a date before it enrolled was already live: it counts as live and as already live,
 * and stays out of the median, which is therefore never negative.
 */
@ApplicationScoped
public class Funnel {

    public record Stage(UUID trackId, long enrolled, long live, long alreadyLive, Double medianDaysToLive) {}

    public record SolutionFunnel(
            String solution, long enrolled, long live, long alreadyLive, Double medianDaysToLive, List<Stage> tracks) {}

    private final KeptAnswers kept;

    Funnel(KeptAnswers kept) {
        this.kept = kept;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SolutionFunnel of(String solution) {
        return kept.answer("funnel", solution, List.of(), f -> 1 + f.tracks().size(), () -> compute(solution));
    }

    private SolutionFunnel compute(String solution) {
        List<EnrollmentProjection> all = EnrollmentProjection.list("solution = ?1 AND status <> 'WITHDRAWN'", solution);
        Map<UUID, List<EnrollmentProjection>> byTrack =
                all.stream().collect(Collectors.groupingBy(e -> e.trackId, TreeMap::new, Collectors.toList()));
        List<Stage> tracks = new ArrayList<>();
        byTrack.forEach((track, list) -> tracks.add(stage(track, list)));
        Stage total = stage(null, all);
        return new SolutionFunnel(
                solution, total.enrolled(), total.live(), total.alreadyLive(), total.medianDaysToLive(), tracks);
    }

    private static Stage stage(UUID track, List<EnrollmentProjection> enrollments) {
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
        return new Stage(track, enrollments.size(), live, live - days.size(), median);
    }
}
