package no.ks.ehelse.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) that keeps every mail it receives. Tests start it in their JVM and read what the
 * notification service sent; the local run starts it as a process ({@link #main}) that writes each mail to a
 * directory and logs one line per mail, so a developer can see what would have gone out.
 */
public final class MailSink implements AutoCloseable {

    /** A received mail, decoded. {@code to} holds the envelope recipients as written in the To header. */
    public record Mail(
            String messageId, String from, List<String> to, String subject, String text, String html, MimeMessage raw) {

        public boolean isTo(String address) {
            return to.stream().anyMatch(a -> a.equalsIgnoreCase(address));
        }

        public String header(String name) {
            try {
                return raw.getHeader(name, ",");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** JVM-wide: the port the tests' mailer is configured with, chosen once per test JVM. */
    private static final String TEST_PORT_PROPERTY = "ehelse.test.smtp.port";

    private static MailSink forTests;

    private final int port;
    private GreenMail server;
    /**
     * Every mail since the last start, in the order the SMTP transactions ended. GreenMail's own
     * {@code getReceivedMessages()} walks its mailboxes one after another (a copy per recipient), which is not the
     * order of arrival: reading it by index skips some mails and repeats others.
     */
    private final List<Mail> arrived = new CopyOnWriteArrayList<>();

    private final List<Consumer<Mail>> listeners = new CopyOnWriteArrayList<>();

    private MailSink(int port) {
        this.port = port;
    }

    /** Starts on a free port of the loopback interface. */
    public static MailSink start() {
        return startOn(freePort());
    }

    public static MailSink startOn(int port) {
        MailSink sink = new MailSink(port);
        sink.resume();
        return sink;
    }

    /**
     * The test JVM's SMTP port. {@link MailSinkTestResource} configures the mailer with it before the application
     * starts; the test code owns the server ({@link #forTests}), so it can pause it to simulate an outage.
     */
    public static synchronized int testPort() {
        String port = System.getProperty(TEST_PORT_PROPERTY);
        if (port == null) {
            port = Integer.toString(freePort());
            System.setProperty(TEST_PORT_PROPERTY, port);
        }
        return Integer.parseInt(port);
    }

    /** The sink on {@link #testPort()}, started on first use. */
    public static synchronized MailSink forTests() {
        if (forTests == null) {
            forTests = startOn(testPort());
        }
        forTests.resume();
        return forTests;
    }

    public static int freePort() {
        return Ports.free();
    }

    public int port() {
        return port;
    }

    public synchronized boolean running() {
        return server != null;
    }

    /** Stops accepting mail (an SMTP outage, as far as a sender can tell); {@link #resume} starts again. */
    public synchronized void pause() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** (Re)starts the server on the same port. Mail received before a pause is kept by the caller, not here. */
    public synchronized void resume() {
        if (server == null) {
            GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            arrived.clear();
            UserManager users = mail.getUserManager();
            MessageDeliveryHandler deliver = users.getMessageDeliveryHandler();
            // Called once per recipient of a transaction, with the same message object: the first call is the
            // arrival. Weak keys, so the local run's sink does not keep every message it ever saw.
            Set<MovingMessage> seen = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
            users.setMessageDeliveryHandler((message, address) -> {
                if (seen.add(message)) {
                    Mail received = decode(message.getMessage());
                    arrived.add(received);
                    for (Consumer<Mail> listener : listeners) {
                        listener.accept(received);
                    }
                }
                return deliver.handle(message, address);
            });
            mail.start();
            server = mail;
        }
    }

    /**
     * Calls {@code listener} once for every mail, as its SMTP transaction ends (before the sender hears "250 OK"),
     * however many recipients it has.
     */
    public void onArrival(Consumer<Mail> listener) {
        listeners.add(listener);
    }

    /** Everything received since the last start, in the order it arrived; a mail to several recipients once. */
    public synchronized List<Mail> mails() {
        return server == null ? List.of() : List.copyOf(arrived);
    }

    /** How many mails arrived (cheap enough to poll in a tight loop). */
    public synchronized int count() {
        return server == null ? 0 : arrived.size();
    }

    public List<Mail> mailsTo(String address) {
        return mails().stream().filter(m -> m.isTo(address)).toList();
    }

    /** Waits until at least {@code count} received mails match, and returns the matching ones. */
    public List<Mail> await(Predicate<Mail> match, int count, Duration timeout) {
        Instant until = Instant.now().plus(timeout);
        List<Mail> found = List.of();
        while (Instant.now().isBefore(until)) {
            found = mails().stream().filter(match).toList();
            if (found.size() >= count) {
                return found;
            }
            sleep(100);
        }
        throw new AssertionError(
                "expected " + count + " matching mail(s) within " + timeout + ", got " + found.size() + "; received: "
                        + mails().stream().map(m -> m.to() + " " + m.subject()).toList());
    }

    @Override
    public void close() {
        pause();
    }

    private static Mail decode(MimeMessage message) {
        try {
            List<String> to = new ArrayList<>();
            Address[] recipients = message.getAllRecipients();
            for (Address a : recipients == null ? new Address[0] : recipients) {
                to.add(a instanceof jakarta.mail.internet.InternetAddress ia ? ia.getAddress() : a.toString());
            }
            String[] bodies = new String[2];
            collect(message, bodies);
            Address[] from = message.getFrom();
            return new Mail(
                    message.getMessageID(),
                    from == null || from.length == 0 ? null : from[0].toString(),
                    to,
                    message.getSubject(),
                    bodies[0],
                    bodies[1],
                    message);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot decode a received mail", e);
        }
    }

    private static void collect(Part part, String[] bodies) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && bodies[0] == null) {
            bodies[0] = part.getContent().toString();
        } else if (part.isMimeType("text/html") && bodies[1] == null) {
            bodies[1] = part.getContent().toString();
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, bodies);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes every mail that arrives to {@code directory} as {@code NNNNN.eml} (numbered in the order of arrival,
     * after the highest number already there), exactly once, and hands each file name to {@code announce}.
     */
    public void writeTo(Path directory, Consumer<String> announce) throws IOException {
        Files.createDirectories(directory);
        AtomicInteger number = new AtomicInteger(highestNumber(directory));
        onArrival(mail -> {
            Path file = directory.resolve(String.format("%05d.eml", number.incrementAndGet()));
            try (OutputStream out = Files.newOutputStream(file)) {
                mail.raw().writeTo(out);
            } catch (IOException | MessagingException e) {
                throw new IllegalStateException("cannot write " + file, e);
            }
            announce.accept(Instant.now() + " mail " + file.getFileName() + " to " + String.join(", ", mail.to()) + ": "
                    + mail.subject());
        });
    }

    private static int highestNumber(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("[0-9]+\\.eml"))
                    .mapToInt(n -> Integer.parseInt(n.substring(0, n.length() - 4)))
                    .max()
                    .orElse(0);
        }
    }

    /**
     * The local run's mail sink: {@code MailSink <port> <directory>}. Every mail is written to the directory as
     * an {@code .eml} file (open it with any mail client) when it arrives, and announced with one line on standard
     * output.
     */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 2525;
        Path directory = Path.of(args.length > 1 ? args[1] : "mail");
        MailSink sink = new MailSink(port);
        sink.writeTo(directory, System.out::println);
        sink.resume();
        Runtime.getRuntime().addShutdownHook(new Thread(sink::close, "mail-sink-shutdown"));
        System.out.println("Mail sink listening on smtp://127.0.0.1:" + port + ", writing mails to " + directory);
        Thread.currentThread().join();
    }
}
