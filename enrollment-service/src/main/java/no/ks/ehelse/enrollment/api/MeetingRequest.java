package no.ks.ehelse.enrollment.api;

import java.time.LocalDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.ks.ehelse.enrollment.domain.Meetings;

/**
 * An information meeting as a lead schedules or changes it. Times are local times in Europe/Oslo (no offset);
 * registration closes at the start unless {@code registrationClosesAt} is earlier. The organizer defaults to the
 * lead of the track.
 */
@Schema(example = """
        {"solution": "digihelse", "title": "Informasjonsmøte om DigiHelse", "description": "Hva løsningen gir kommunen, og hvordan innføringsløpet foregår.",
         "start": "2027-01-12T10:00:00", "end": "2027-01-12T11:30:00", "onlineUrl": "https://teams.example/mote/digihelse",
         "capacity": 100, "registrationClosesAt": "2027-01-11T12:00:00",
         "organizerName": "Nasjonal innføringsleder DigiHelse", "organizerEmail": "innforing-digihelse@ks.example"}""")
public record MeetingRequest(
        @NotBlank(message = "is required")
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be a solution code such as 'vkp'")
        String solution,

        UUID trackId,

        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
        String title,

        @Size(max = 4000, message = "must be at most 4000 characters")
        String description,

        @Schema(description = "local time in Europe/Oslo", example = "2027-01-12T10:00:00")
        @NotNull(message = "is required")
        LocalDateTime start,

        @Schema(description = "local time in Europe/Oslo", example = "2027-01-12T11:30:00")
        @NotNull(message = "is required")
        LocalDateTime end,

        @Size(max = 1000, message = "must be at most 1000 characters")
        String onlineUrl,

        @Size(max = 500, message = "must be at most 500 characters")
        String place,

        @Min(value = 1, message = "must be at least 1") Integer capacity,

        @Schema(description = "local time in Europe/Oslo; defaults to the start")
        LocalDateTime registrationClosesAt,

        @Size(max = 200, message = "must be at most 200 characters")
        String organizerName,

        @Size(max = 254, message = "must be at most 254 characters")
        String organizerEmail) {

    Meetings.Draft draft() {
        return new Meetings.Draft(
                solution,
                trackId,
                title,
                description,
                start,
                end,
                onlineUrl,
                place,
                capacity,
                registrationClosesAt,
                organizerName,
                organizerEmail);
    }
}
