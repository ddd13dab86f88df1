package no.ks.ehelse.enrollment.api.pages;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;
import no.ks.ehelse.enrollment.domain.Enrollment;
import no.ks.ehelse.enrollment.domain.EnrollmentStatus;
import no.ks.ehelse.enrollment.domain.Meeting;
import no.ks.ehelse.enrollment.domain.MeetingRegistration;
import no.ks.ehelse.enrollment.domain.Plan;
import no.ks.ehelse.enrollment.domain.SolutionProjection;
import no.ks.ehelse.enrollment.domain.Track;
import no.ks.ehelse.enrollment.domain.TrackStatus;

/**
 * The words and dates the pages show for the domain's codes, as template extensions ({@code {track.status.label}},
 * {@code {track.registrationDeadline.norsk}}). Names follow docs/glossary.md.
 */
@TemplateExtension
final class Norwegian {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("nb"));

    /** The priority areas in KS's order; a solution announced before the area was projected is listed last. */
    static final List<String> AREAS = List.of(
            "MEDICINES", "DIGITAL_COLLABORATION", "SHARED_DIGITAL_SERVICES", "CITIZEN_SERVICES", "WELFARE_TECHNOLOGY");

    private Norwegian() {}

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("EEEE d. MMMM yyyy 'kl.' HH.mm", Locale.forLanguageTag("nb"));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm");

    /** "tirsdag 12. januar 2027 kl. 10.00", in Europe/Oslo. */
    static String tid(OffsetDateTime time) {
        return time == null ? "" : DATE_TIME.format(time.atZoneSameInstant(Meeting.ZONE));
    }

    /** "10.00", in Europe/Oslo. */
    static String klokke(OffsetDateTime time) {
        return time == null ? "" : TIME.format(time.atZoneSameInstant(Meeting.ZONE));
    }

    static String label(MeetingRegistration.Status status) {
        return switch (status) {
            case CONFIRMED -> "Bekreftet";
            case WAITLISTED -> "På venteliste";
            case CANCELLED -> "Avmeldt";
        };
    }

    static String color(MeetingRegistration.Status status) {
        return switch (status) {
            case CONFIRMED -> "success";
            case WAITLISTED -> "warning";
            case CANCELLED -> "neutral";
        };
    }

    static String label(Meeting.Status status) {
        return switch (status) {
            case SCHEDULED -> "Planlagt";
            case CANCELLED -> "Avlyst";
        };
    }

    static String norsk(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    static String area(String code) {
        if (code == null) {
            return "Andre løsninger";
        }
        return switch (code) {
            case "MEDICINES" -> "Legemiddelområdet";
            case "DIGITAL_COLLABORATION" -> "Digital samhandling";
            case "SHARED_DIGITAL_SERVICES" -> "Digitale fellesløsninger";
            case "CITIZEN_SERVICES" -> "Innbyggertjenester";
            case "WELFARE_TECHNOLOGY" -> "Velferdsteknologi og digital hjemmeoppfølging";
            default -> "Andre løsninger";
        };
    }

    static String areaLabel(SolutionProjection solution) {
        return area(solution.area);
    }

    static String stageLabel(SolutionProjection solution) {
        return switch (solution.stage) {
            case "PLANNED" -> "Planlagt";
            case "PILOT" -> "Utprøving";
            case "ROLLOUT" -> "Nasjonal utrulling";
            case "OPERATION" -> "I drift";
            case "RETIRED" -> "Avviklet";
            default -> solution.stage;
        };
    }

    static String label(TrackStatus status) {
        return switch (status) {
            case DRAFT -> "Under planlegging";
            case OPEN -> "Åpen for påmelding";
            case REGISTRATION_CLOSED -> "Påmeldingen er stengt";
            case RUNNING -> "Pågår";
            case COMPLETED -> "Avsluttet";
            case CANCELLED -> "Avlyst";
        };
    }

    static String label(EnrollmentStatus status) {
        return switch (status) {
            case CONFIRMED -> "Bekreftet";
            case WAITLISTED -> "På venteliste";
            case LIVE -> "Tatt i bruk";
            case COMPLETED -> "Fullført";
            case WITHDRAWN -> "Trukket";
        };
    }

    /** Designsystemet's colour for the status tag; the text says the same, so colour is never the only cue. */
    static String color(EnrollmentStatus status) {
        return switch (status) {
            case CONFIRMED, LIVE, COMPLETED -> "success";
            case WAITLISTED -> "warning";
            case WITHDRAWN -> "neutral";
        };
    }

    static String label(Plan.Phase phase) {
        return switch (phase) {
            case ANCHOR_AND_PREPARE -> "Forankre og forberede";
            case CARRY_OUT -> "Gjennomføre";
            case CLOSE_AND_REALISE -> "Avslutte og realisere";
        };
    }

    static String label(Plan.MilestoneKind kind) {
        return switch (kind) {
            case KICK_OFF -> "Oppstart";
            case COMMON_MEETING -> "Fellesmøte";
            case STATUS_MEETING -> "Statusmøte";
            case CLOSING -> "Avslutning";
        };
    }

    static String label(Plan.PrerequisiteCategory category) {
        return switch (category) {
            case TECHNICAL -> "Teknisk";
            case ADMINISTRATIVE -> "Administrativt";
        };
    }

    static String label(Plan.GroupRole role) {
        return switch (role) {
            case LEAD -> "Innføringsleder";
            case DEPUTY -> "Stedfortreder";
            case MEMBER -> "Medlem";
        };
    }

    static boolean done(Enrollment enrollment, String prerequisite) {
        return enrollment.prerequisitesDone != null && enrollment.prerequisitesDone.contains(prerequisite);
    }

    /** The implementation leads and their deputies: who the municipality contacts about the track. */
    static List<Plan.Member> leads(Track track) {
        return track.plan.workingGroup().stream()
                .filter(m -> m.role() == Plan.GroupRole.LEAD || m.role() == Plan.GroupRole.DEPUTY)
                .toList();
    }

    static List<Plan.Prerequisite> technical(Track track) {
        return track.plan.prerequisites().stream()
                .filter(p -> p.category() == Plan.PrerequisiteCategory.TECHNICAL)
                .toList();
    }

    static List<Plan.Prerequisite> administrative(Track track) {
        return track.plan.prerequisites().stream()
                .filter(p -> p.category() == Plan.PrerequisiteCategory.ADMINISTRATIVE)
                .toList();
    }
}
