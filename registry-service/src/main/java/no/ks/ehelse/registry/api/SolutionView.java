package no.ks.ehelse.registry.api;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

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

        @Schema(description = "Codes of the solutions this one builds on (must be in place first)")
        List<String> requires,

        OffsetDateTime updatedAt) {

    static SolutionView of(Solution s) {
        return new SolutionView(
                s.code, s.name, s.area, s.owner, s.description, s.stage, List.copyOf(s.requires), s.updatedAt);
    }
}
