package no.ks.ehelse.registry.api;

import java.time.OffsetDateTime;

import no.ks.ehelse.registry.domain.PriorityArea;
import no.ks.ehelse.registry.domain.Solution;
import no.ks.ehelse.registry.domain.SolutionStage;

public record SolutionView(
        String code,
        String name,
        PriorityArea area,
        String owner,
        String description,
        SolutionStage stage,
        OffsetDateTime updatedAt) {

    static SolutionView of(Solution s) {
        return new SolutionView(s.code, s.name, s.area, s.owner, s.description, s.stage, s.updatedAt);
    }
}
