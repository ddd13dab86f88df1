package no.ks.ehelse.enrollment.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import no.ks.ehelse.enrollment.domain.MeetingRegistration;
import no.ks.ehelse.enrollment.domain.Meetings;

/** The smaller bodies and answers of the meetings API. */
public final class MeetingRequests {

    private MeetingRequests() {}

    public record Cancel(
            @Size(max = 1000, message = "must be at most 1000 characters")
            String reason) {}

    @Schema(example = """
            {"name": "Kari Nordmann", "email": "kari.nordmann@example.test", "municipality": "Bergen", "role": "Kommuneoverlege"}""")
    public record Register(
            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
            String name,

            @NotBlank(message = "is required") @Size(max = 254, message = "must be at most 254 characters")
            String email,

            @Schema(description = "kommunenummer or name; matched tolerantly")
            @NotBlank(message = "is required")
            @Size(max = 200, message = "must be at most 200 characters")
            String municipality,

            @Schema(description = "free text, e.g. Fastlege or Kommuneoverlege")
            @NotBlank(message = "is required")
            @Size(max = 200, message = "must be at most 200 characters")
            String role) {

        Meetings.Registrant registrant() {
            return new Meetings.Registrant(name, email, municipality, role);
        }
    }

    public record Token(
            @NotBlank(message = "is required") @Size(max = 200, message = "is not a valid link")
            String token) {}

    /**
     * The answer to registering: no one else's data, and for an address registered already {@code existed} (the
     * link is sent again).
     */
    public record Registration(
            UUID id,
            UUID meetingId,
            MeetingRegistration.Status status,
            Integer waitlistPosition,
            boolean existed,
            String kommunenummer) {

        static Registration of(Meetings.Registered r) {
            return new Registration(
                    r.registration().id,
                    r.meeting().id,
                    r.registration().status,
                    r.position(),
                    r.existed(),
                    r.registration().kommunenummer);
        }
    }

    /** One row of the attendee list (name, e-mail and role are null once removed by the retention). */
    public record Attendee(
            UUID id,
            String name,
            String email,
            String kommunenummer,
            String municipalityName,
            String role,
            MeetingRegistration.Status status,
            OffsetDateTime registeredAt) {}

    public record Attendance(long people, long municipalities, long confirmed, long waitlisted, String text) {

        static Attendance of(Meetings.Counts c) {
            return new Attendance(c.people(), c.municipalities(), c.confirmed(), c.waitlisted(), c.text());
        }
    }

    public record AttendedNotEnrolled(
            String solution, String checkedAgainst, List<Meetings.Municipality> municipalities) {

        static AttendedNotEnrolled of(Meetings.AttendedNotEnrolled a) {
            return new AttendedNotEnrolled(
                    a.solution(), a.againstOpenTracks() ? "OPEN_TRACKS" : "ALL_TRACKS", a.municipalities());
        }
    }
}
