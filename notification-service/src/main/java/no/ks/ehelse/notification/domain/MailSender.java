package no.ks.ehelse.notification.domain;

/** Hands one e-mail to the SMTP relay; a failure is an exception, and the notification is retried. */
public interface MailSender {

    /**
     * {@code mailId} becomes the mail's Message-ID, so if a crash after the relay accepted it causes a second send,
     * mail systems can recognise it as the same mail.
     */
    void send(String to, String subject, String text, String html, String mailId);

    /** The same, with extra headers (e.g. RFC 8058's {@code List-Unsubscribe}). */
    default void send(
            String to, String subject, String text, String html, String mailId, java.util.Map<String, String> headers) {
        send(to, subject, text, html, mailId);
    }
}
