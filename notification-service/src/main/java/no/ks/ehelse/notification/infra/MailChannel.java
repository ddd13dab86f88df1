package no.ks.ehelse.notification.infra;

import java.util.List;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;

/** E-mail through the configured SMTP relay (Quarkus Mailer). Failures surface as exceptions for the retry. */
@ApplicationScoped
public class MailChannel {

    private final Mailer mailer;

    MailChannel(Mailer mailer) {
        this.mailer = mailer;
    }

    /**
     * Sends one mail. The Message-ID is derived from the message's id, so if a crash after the relay accepted it
     * causes a second send, mail systems can recognise it as the same message.
     */
    public void send(String to, String subject, String text, String html, String messageId) {
        Mail mail = Mail.withText(to, subject, text).setHtml(html);
        mail.addHeader("Message-ID", "<" + messageId + "@varsel.ehelse.ks.no>");
        mail.setTo(List.of(to));
        mailer.send(mail);
    }
}
