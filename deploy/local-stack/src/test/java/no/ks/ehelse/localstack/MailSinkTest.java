package no.ks.ehelse.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The local run's sink writes every mail it accepted exactly once, as it arrives: from several senders at once,
 * to recipients whose mailboxes fill in another order than the mails arrive.
 */
class MailSinkTest {

    private static final int MAILS = 200;

    @Test
    void everyAcceptedMailIsWrittenOnceAsItArrives(@TempDir Path directory) throws Exception {
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        Set<String> sentIds = ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();
        try (MailSink sink = MailSink.startOn(MailSink.freePort())) {
            sink.pause();
            sink.writeTo(directory, log::add);
            sink.resume();
            Session session = session(sink.port());
            ExecutorService senders = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> all = new java.util.ArrayList<>();
                for (int i = 0; i < MAILS; i++) {
                    int n = i;
                    all.add(senders.submit(() -> {
                        // 7 recipients in turn: GreenMail's per-mailbox order is not the order of arrival.
                        String id = send(session, "kontakt" + (n % 7) + "@example.test", null, n);
                        sentIds.add(id);
                        sent.incrementAndGet();
                        return null;
                    }));
                }
                for (Future<?> f : all) {
                    f.get();
                }
            } finally {
                senders.shutdown();
            }
            // One mail to two recipients is one mail, one file.
            sentIds.add(send(session, "a@example.test", "b@example.test", MAILS));
            sent.incrementAndGet();

            Instant until = Instant.now().plus(Duration.ofSeconds(30));
            while (emls(directory).size() < sent.get() && Instant.now().isBefore(until)) {
                Thread.sleep(50);
            }
            Thread.sleep(300); // a late duplicate would show here
            List<Path> files = emls(directory);
            assertEquals(sent.get(), files.size(), "one .eml per SENT mail");
            Set<String> writtenIds = files.stream().map(MailSinkTest::messageId).collect(Collectors.toSet());
            assertEquals(files.size(), writtenIds.size(), "no file is a copy of another");
            assertEquals(sentIds, writtenIds, "every sent mail is on disk");
            assertEquals(sent.get(), log.size(), "one line per mail");
            assertEquals(sent.get(), sink.count());
            assertTrue(log.get(log.size() - 1).contains("a@example.test, b@example.test"), log.get(log.size() - 1));
        }
    }

    @Test
    void numberingGoesOnAfterTheFilesAlreadyThere(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("00041.eml"), "earlier run");
        try (MailSink sink = MailSink.startOn(MailSink.freePort())) {
            sink.pause();
            sink.writeTo(directory, line -> {});
            sink.resume();
            send(session(sink.port()), "kontakt@example.test", null, 1);
            Instant until = Instant.now().plus(Duration.ofSeconds(10));
            while (!Files.exists(directory.resolve("00042.eml"))
                    && Instant.now().isBefore(until)) {
                Thread.sleep(50);
            }
            assertEquals("earlier run", Files.readString(directory.resolve("00041.eml")));
            assertTrue(Files.exists(directory.resolve("00042.eml")));
        }
    }

    private static Session session(int port) {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(port));
        return Session.getInstance(p);
    }

    private static String send(Session session, String to, String cc, int n) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("avsender@example.test"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        if (cc != null) {
            m.setRecipient(Message.RecipientType.CC, new InternetAddress(cc));
        }
        m.setSubject("Melding " + n, "UTF-8");
        m.setText("Innhold " + n, "UTF-8");
        Transport.send(m); // gives the mail its Message-ID
        return m.getMessageID();
    }

    private static List<Path> emls(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".eml"))
                    .toList();
        }
    }

    private static String messageId(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(null, in).getMessageID();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
