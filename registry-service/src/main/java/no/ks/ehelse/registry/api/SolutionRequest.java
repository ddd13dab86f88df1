package no.ks.ehelse.registry.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.ks.ehelse.registry.domain.PriorityArea;
import no.ks.ehelse.registry.domain.SolutionCatalogue;
import no.ks.ehelse.registry.domain.SolutionStage;

/** A solution as an admin publishes or replaces it. */
@Schema(name = "SolutionRequest", example = """
        {"code": "digihelsestasjon", "name": "DigiHelsestasjon", "area": "CITIZEN_SERVICES",
         "owner": "KS", "description": "Digital kommunikasjon mellom helsestasjon og innbygger", "stage": "ROLLOUT",
         "requires": []}""")
public record SolutionRequest(
        @NotBlank(message = "is required")
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be a lower-case slug such as 'kjernejournal'")
        @Size(max = 40, message = "must be at most 40 characters")
        String code,

        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
        String name,

        @NotNull(message = "is required") PriorityArea area,

        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
        String owner,

        @Size(max = 4000, message = "must be at most 4000 characters")
        String description,

        @NotNull(message = "is required") SolutionStage stage,

        @Schema(
                description =
                        "Codes of the solutions this one builds on, e.g. [\"kjernejournal\"] for SFM. Omitted on a"
                                + " replace: left as they are; on publish: none.")
        @Size(max = 20, message = "must list at most 20 solutions")
        List<@NotBlank(message = "must not be blank") @Size(max = 40, message = "must be at most 40 characters") String>
                requires) {

    SolutionCatalogue.Details details() {
        return new SolutionCatalogue.Details(name, area, owner, description, stage, requires);
    }
}
