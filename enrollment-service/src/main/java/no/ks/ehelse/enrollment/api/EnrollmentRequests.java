package no.ks.ehelse.enrollment.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.ks.ehelse.enrollment.domain.Plan;

/** The bodies of the enrollment operations. */
public final class EnrollmentRequests {

    private EnrollmentRequests() {}

    @Schema(example = """
            {"kommunenummer": "4601"}""")
    public record Enroll(
            @NotBlank(message = "is required")
            @Pattern(regexp = "[0-9]{4}", message = "must be a 4-digit kommunenummer")
            String kommunenummer,

            @Size(max = 1000, message = "must be at most 1000 characters")
            String lateReason) {}

    public record Withdraw(
            @Size(max = 1000, message = "must be at most 1000 characters")
            String reason) {}

    public record Prerequisites(
            @NotNull(message = "is required") @Size(max = 50, message = "at most 50 items")
            List<@NotBlank(message = "must not be blank") String> done) {}

    public record Phase(@NotNull(message = "is required") Plan.Phase phase) {}

    public record WentLive(@NotNull(message = "is required") LocalDate on) {}
}
