package no.ks.ehelse.notification.infra;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.MultiMap;
import io.vertx.ext.mail.MailAttachment;
import io.vertx.ext.mail.MailMessage;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.mail.MailClient;
import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.notification.domain.MailSender;

/**
 * E-mail through the configured SMTP relay: the mail client Quarkus Mailer configures from {@code quarkus.mailer.*},
 * given the message directly. Quarkus's own {@code Mailer} always hands the client a (possibly empty) Cc list, which
 * the client writes as an empty {@code Cc:} header; a message built here leaves Cc unset. Failures surface as
 * exceptions for the retry.
 */
@ApplicationScoped
public class SmtpMailSender implements MailSender {

    private final MailClient client;
    private final String from;
    private final Duration timeout;

    SmtpMailSender(
            MailClient client,
            @ConfigProperty(name = "quarkus.mailer.from") String from,
            @ConfigProperty(name = "quarkus.mailer.timeout", defaultValue = "10s") Duration timeout) {
        this.client = client;
        this.from = from;
        this.timeout = timeout;
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
        MultiMap extra = MultiMap.caseInsensitiveMultiMap();
        extra.add("Message-ID", "<" + mailId + "@varsel.ehelse.ks.no>");
        headers.forEach(extra::add);
        MailMessage message = new MailMessage()
                .setFrom(from)
                .setTo(List.of(to))
                .setSubject(subject)
                .setText(text)
                .setHtml(html)
                .setHeaders(extra);
        if (!attachments.isEmpty()) {
            message.setAttachment(attachments.stream()
                    .map(a -> MailAttachment.create()
                            .setName(a.name())
                            .setContentType(a.contentType())
                            .setData(Buffer.buffer(a.data()).getDelegate()))
                    .toList());
        }
        // The client times out the connection itself; this bounds the whole exchange a little above that.
        client.sendMail(message).await().atMost(timeout.plusSeconds(5));
    }
}
