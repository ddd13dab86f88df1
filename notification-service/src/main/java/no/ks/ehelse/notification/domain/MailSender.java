package no.ks.ehelse.notification.domain;

/** Hands one e-mail to the SMTP relay; a failure is an exception, and the notification is retried. */
public interface MailSender {

    /**
     * {@code mailId} becomes the mail's Message-ID, so if a crash after the relay accepted it causes a second send,
     * mail systems can recognise it as the same mail.
     */
    void send(String to, String subject, String text, String html, String mailId);
}
