package no.ks.ehelse.enrollment.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import no.ks.ehelse.enrollment.domain.Meeting;

/** An information meeting; times with their Europe/Oslo offset. */
public record MeetingView(
        UUID id,
        int sequence,
        String solution,
        UUID trackId,
        String title,
        String description,
        OffsetDateTime start,
        OffsetDateTime end,
        String timeZone,
        String onlineUrl,
        String place,
        Integer capacity,
        OffsetDateTime registrationClosesAt,
        String organizerName,
        String organizerEmail,
        Meeting.Status status,
        String cancelReason) {

    static MeetingView of(Meeting m) {
        return new MeetingView(
                m.id,
                m.sequence,
                m.solution,
                m.trackId,
                m.title,
                m.description,
                m.start(),
                m.end(),
                Meeting.ZONE.getId(),
                m.onlineUrl,
                m.place,
                m.capacity,
                m.closes(),
                m.organizerName,
                m.organizerEmail,
                m.status,
                m.cancelReason);
    }
}
