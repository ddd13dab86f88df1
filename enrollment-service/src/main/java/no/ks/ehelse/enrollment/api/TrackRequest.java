package no.ks.ehelse.enrollment.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.ks.ehelse.enrollment.domain.Plan.Member;
import no.ks.ehelse.enrollment.domain.Plan.Milestone;
import no.ks.ehelse.enrollment.domain.Plan.PhasePlan;
import no.ks.ehelse.enrollment.domain.Plan.Prerequisite;
import no.ks.ehelse.enrollment.domain.Tracks;

/** A track's plan. Capacity is optional (VKP tracks take 10-15 municipalities). */
@Schema(example = """
        {"solution": "vkp", "name": "VKP – Pulje 1", "vendor": "careium", "capacity": 12,
         "description": "Innføring av velferdsteknologisk knutepunkt, 6-8 uker fra oppstart til avslutning",
         "registrationOpens": "2024-04-15", "registrationDeadline": "2024-06-30",
         "kickOff": "2024-09-10", "closing": "2024-10-29",
         "phases": [{"phase": "ANCHOR_AND_PREPARE", "starts": "2024-07-01", "ends": "2024-09-09"},
                    {"phase": "CARRY_OUT", "starts": "2024-09-10", "ends": "2024-10-22"},
                    {"phase": "CLOSE_AND_REALISE", "starts": "2024-10-23", "ends": "2024-10-29"}],
         "milestones": [{"kind": "KICK_OFF", "title": "Oppstartsmøte", "date": "2024-09-10"},
                        {"kind": "STATUS_MEETING", "title": "Statusmøte", "date": "2024-10-01"},
                        {"kind": "CLOSING", "title": "Avslutningsmøte", "date": "2024-10-29"}],
         "prerequisites": [{"id": "epj-api", "category": "TECHNICAL", "description": "API kjøpt fra EPJ-leverandør"},
                           {"id": "vft-avtale", "category": "TECHNICAL", "description": "Avtale med VFT-leverandør som omfatter VKP-integrasjon"},
                           {"id": "ressurser", "category": "ADMINISTRATIVE", "description": "Systemeier EPJ/VFT, IT-ressurs for brannmur og DNS og VKP-ressurs har satt av tid", "dueDate": "2024-08-30"},
                           {"id": "helseid", "category": "ADMINISTRATIVE", "description": "Kjent hvem som bestiller HelseID i kommunen"}],
         "workingGroup": [{"role": "LEAD", "name": "Nasjonal innføringsleder VKP", "email": "innforing-vkp@ks.example"},
                          {"role": "DEPUTY", "name": "Stedfortreder VKP", "email": "stedfortreder-vkp@ks.example"}]}""")
public record TrackRequest(
        @NotBlank(message = "is required")
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be a solution code such as 'vkp'")
        String solution,

        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
        String name,

        @Size(max = 100, message = "must be at most 100 characters")
        String cohort,

        @Schema(
                description = "The code of the registry vendor the track is run for (GET /api/v1/vendors in the"
                        + " registry); only municipalities with that vendor can enroll. Absent: any municipality.")
        @Size(max = 100, message = "must be at most 100 characters")
        String vendor,

        @Size(max = 4000, message = "must be at most 4000 characters")
        String description,

        @Min(value = 1, message = "must be at least 1") Integer capacity,
        LocalDate registrationOpens,
        @NotNull(message = "is required") LocalDate registrationDeadline,
        LocalDate kickOff,
        LocalDate closing,

        @Size(max = 3, message = "at most the three phases")
        List<@NotNull(message = "must not be null") @Valid PhasePlan> phases,

        @Size(max = 100, message = "at most 100 milestones")
        List<@NotNull(message = "must not be null") @Valid Milestone> milestones,

        @Size(max = 50, message = "at most 50 prerequisites")
        List<@NotNull(message = "must not be null") @Valid Prerequisite> prerequisites,

        @Size(max = 50, message = "at most 50 members")
        List<@NotNull(message = "must not be null") @Valid Member> workingGroup) {

    Tracks.Draft draft() {
        return new Tracks.Draft(
                solution,
                name,
                cohort,
                vendor,
                description,
                capacity,
                registrationOpens,
                registrationDeadline,
                kickOff,
                closing,
                orEmpty(phases),
                orEmpty(milestones),
                orEmpty(prerequisites),
                orEmpty(workingGroup));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
