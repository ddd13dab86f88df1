package no.ks.ehelse.notification.domain;

import java.util.List;
import java.util.Map;

/** Hands one e-mail to the SMTP relay; a failure is an exception, and the notification is retried. */
public interface MailSender {

    /**
     * A file sent with the mail, e.g. an iCalendar invitation: {@code contentType} is the whole MIME type with its
     * parameters ({@code text/calendar; charset=UTF-8; method=REQUEST}), as mail clients read it.
     */
    record Attachment(String name, String contentType, byte[] data) {}

    /**
     * {@code mailId} becomes the mail's Message-ID, so if a crash after the relay accepted it causes a second send,
     * mail systems can recognise it as the same mail.
     */
    default void send(String to, String subject, String text, String html, String mailId) {
        send(to, subject, text, html, mailId, Map.of(), List.of());
    }

    /**
     * The same, with extra headers (e.g. RFC 8058's {@code List-Unsubscribe}) and files (e.g. an iCalendar
     * invitation).
     */
    void send(
            String to,
            String subject,
            String text,
            String html,
            String mailId,
            Map<String, String> headers,
            List<Attachment> attachments);
}
