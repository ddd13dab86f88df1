package no.ks.ehelse.notification.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;

/**
 * The .ics a mail carries, rendered at send time like the mail itself: a meeting invitation (REQUEST) or its
 * cancellation (CANCEL) for the registrant, and the track's dates with an enrollment confirmation or a changed
 * track (REQUEST; removed dates as a second attachment with CANCEL, since one iCalendar object has one method).
 */
@ApplicationScoped
public class Invitations {

    private final Calendars calendars;
    private final TrackCalendar tracks;

    Invitations(Calendars calendars, TrackCalendar tracks) {
        this.calendars = calendars;
        this.tracks = tracks;
    }

    public List<MailSender.Attachment> attachments(Notification n, SourceEvent event) {
        if (n.channel != Channel.EMAIL || n.subscriptionId != null) {
            return List.of();
        }
        return switch (n.kind) {
            case MEETING_REGISTERED, MEETING_CHANGED -> meeting(n, event, ImmutableMethod.REQUEST);
            case MEETING_CANCELLED, MEETING_UNREGISTERED -> meeting(n, event, ImmutableMethod.CANCEL);
            case ENROLLED_CONFIRMED, WAITLIST_PROMOTED, TRACK_CHANGED -> track(n);
            default -> List.of();
        };
    }

    private List<MailSender.Attachment> meeting(Notification n, SourceEvent event, Method method) {
        MeetingProjection m = MeetingMails.meeting(event);
        MeetingRegistration r = MeetingMails.registration(n, event, m);
        Calendars.Person attendee = new Calendars.Person(
                n.recipientName != null ? n.recipientName : r == null ? null : r.name, n.recipient);
        // Taking one person off the list is a change of the event for them: its SEQUENCE goes past the meeting's.
        int sequence = n.kind == MessageKind.MEETING_UNREGISTERED ? m.sequence + 1 : m.sequence;
        boolean cancelled = method == ImmutableMethod.CANCEL;
        Calendars.Entry entry = MeetingMails.entry(m, attendee, sequence, cancelled, calendars.zone());
        return List.of(attachment(cancelled ? "avlyst.ics" : "invitasjon.ics", method, List.of(entry)));
    }

    private List<MailSender.Attachment> track(Notification n) {
        TrackProjection track = n.trackId == null ? null : TrackProjection.findById(n.trackId);
        if (track == null) {
            return List.of();
        }
        Calendars.Person attendee = new Calendars.Person(n.recipientName, n.recipient);
        List<MailSender.Attachment> files = new ArrayList<>();
        List<Calendars.Entry> dates = tracks.entries(track, attendee, false);
        if (!dates.isEmpty()) {
            files.add(attachment("innforingslop.ics", ImmutableMethod.REQUEST, dates));
        }
        List<Calendars.Entry> removed = tracks.entries(track, attendee, true);
        if (n.kind == MessageKind.TRACK_CHANGED && !removed.isEmpty()) {
            files.add(attachment("innforingslop-avlyst.ics", ImmutableMethod.CANCEL, removed));
        }
        return files;
    }

    private MailSender.Attachment attachment(String name, Method method, List<Calendars.Entry> entries) {
        return new MailSender.Attachment(name, Calendars.contentType(method), calendars.message(method, entries));
    }
}
