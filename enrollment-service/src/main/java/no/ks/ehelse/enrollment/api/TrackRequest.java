package no.ks.ehelse.enrollment.api;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.ks.ehelse.enrollment.domain.Tracks;

/** A new track. Capacity is optional (VKP tracks take 10-15 municipalities). */
@Schema(example = """
        {"solution": "digihelsestasjon", "name": "DigiHelsestasjon 2024 – CGM", "vendor": "CGM",
         "description": "Felles innføringsløp for kommuner med CGM som EPJ", "capacity": 15,
         "registrationOpens": "2024-04-15", "registrationDeadline": "2024-06-30"}""")
public record TrackRequest(
        @NotBlank(message = "is required") @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be a solution code such as 'vkp'") String solution,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
        @Size(max = 100, message = "must be at most 100 characters") String cohort,
        @Size(max = 100, message = "must be at most 100 characters") String vendor,
        @Size(max = 4000, message = "must be at most 4000 characters") String description,
        @Min(value = 1, message = "must be at least 1") Integer capacity,
        LocalDate registrationOpens,
        @NotNull(message = "is required") LocalDate registrationDeadline) {

    Tracks.Plan plan() {
        return new Tracks.Plan(solution, name, cohort, vendor, description, capacity, registrationOpens,
                registrationDeadline);
    }
}
