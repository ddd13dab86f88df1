package no.ks.ehelse.notification.domain;

import java.time.LocalDate;
import java.util.List;

import io.quarkus.qute.TemplateData;

/**
 * What the templates can say. Every message gets the same model; each template uses the parts its event has.
 * Values may be null (a track without kick-off date); templates test them with {@code #if}.
 */
@TemplateData
public record MessageModel(
        String recipientName,
        Place municipality,
        TrackInfo track,
        EnrollmentInfo enrollment,
        DeadlineInfo deadline,
        Summary summary,
        String eventType,
        String eventSubject,
        AcknowledgementInfo acknowledgement) {

    /** The signed link that confirms receipt, and when the confirmation and the reminder went out. */
    @TemplateData
    public record AcknowledgementInfo(String link, LocalDate requested, LocalDate reminded) {}

    @TemplateData
    public record Place(String kommunenummer, String name) {}

    @TemplateData
    public record Person(String name, String email) {}

    @TemplateData
    public record Item(String text, LocalDate date) {}

    @TemplateData
    public record TrackInfo(
            String name,
            String solution,
            String solutionName,
            String vendor,
            String description,
            LocalDate registrationDeadline,
            LocalDate kickOff,
            LocalDate closing,
            Integer capacity,
            List<Item> prerequisites,
            List<Item> milestones,
            List<Phase> phases,
            Person lead,
            Person deputy,
            String status,
            String link) {}

    @TemplateData
    public record EnrollmentInfo(
            String status,
            Integer waitlistPosition,
            boolean late,
            LocalDate wentLiveOn,
            String reason,
            String deadlineItem,
            LocalDate deadline,
            String link,
            String withdrawal) {}

    /** A phase of the track's plan, in words, with its dates where the plan has them. */
    @TemplateData
    public record Phase(String name, LocalDate starts, LocalDate ends) {}

    @TemplateData
    public record DeadlineInfo(LocalDate previous, LocalDate current, Integer daysLeft, String reason) {}

    @TemplateData
    public record Summary(List<String> confirmed, List<String> waitlisted, List<String> networksWithoutEnrollment) {}

    /** One message inside a digest. */
    @TemplateData
    public record DigestItem(String subject, String text) {}

    @TemplateData
    public record Digest(String recipientName, List<DigestItem> items) {}
}
