package no.ks.ehelse.notification.infra;

import java.util.List;
import java.util.Map;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.notification.domain.MailSender;

/** E-mail through the configured SMTP relay (Quarkus Mailer). Failures surface as exceptions for the retry. */
@ApplicationScoped
public class SmtpMailSender implements MailSender {

    private final Mailer mailer;

    SmtpMailSender(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void send(
            String to,
            String subject,
            String text,
            String html,
            String mailId,
            Map<String, String> headers,
            List<Attachment> attachments) {
        Mail mail = Mail.withText(to, subject, text).setHtml(html);
        mail.addHeader("Message-ID", "<" + mailId + "@varsel.ehelse.ks.no>");
        headers.forEach(mail::addHeader);
        mail.setTo(List.of(to));
        for (Attachment a : attachments) {
            mail.addAttachment(a.name(), a.data(), a.contentType());
        }
        mailer.send(mail);
    }
}
