package no.ks.ehelse.enrollment.domain;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The parts of a track's plan, stored with the track (JSON) and shown in every confirmation. */
public final class Plan {

    private Plan() {}

    /** Forankre og forberede → Gjennomføre → Avslutte og realisere. */
    public enum Phase {
        ANCHOR_AND_PREPARE,
        CARRY_OUT,
        CLOSE_AND_REALISE
    }

    public enum MilestoneKind {
        KICK_OFF,
        COMMON_MEETING,
        STATUS_MEETING,
        CLOSING
    }

    public enum PrerequisiteCategory {
        TECHNICAL,
        ADMINISTRATIVE
    }

    public enum GroupRole {
        LEAD,
        DEPUTY,
        MEMBER
    }

    /** What a track's plan holds besides its dates; stored as one JSON document so its types survive the trip. */
    public record Details(
            List<PhasePlan> phases,
            List<Milestone> milestones,
            List<Prerequisite> prerequisites,
            List<Member> workingGroup) {

        public static final Details EMPTY = new Details(List.of(), List.of(), List.of(), List.of());
    }

    public record PhasePlan(
            @NotNull(message = "is required") Phase phase, LocalDate starts, LocalDate ends) {}

    public record Milestone(
            @NotNull(message = "is required") MilestoneKind kind,

            @Size(max = 200, message = "must be at most 200 characters")
            String title,

            @NotNull(message = "is required") LocalDate date) {}

    /** {@code id} is a short slug the municipality ticks off, e.g. {@code epj-api}. */
    public record Prerequisite(
            @NotBlank(message = "is required")
            @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be a slug such as 'epj-api'")
            String id,

            @NotNull(message = "is required") PrerequisiteCategory category,

            @NotBlank(message = "is required") @Size(max = 1000, message = "must be at most 1000 characters")
            String description,

            LocalDate dueDate) {}

    /** A working-group member by role; addresses are role addresses or fictitious in demo data. */
    public record Member(
            @NotNull(message = "is required") GroupRole role,

            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
            String name,

            @Email(message = "must be an e-mail address") String email) {}
}
