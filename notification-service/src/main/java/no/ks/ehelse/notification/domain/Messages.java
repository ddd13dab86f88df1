package no.ks.ehelse.notification.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.notification.domain.MessageModel.DeadlineInfo;
import no.ks.ehelse.notification.domain.MessageModel.EnrollmentInfo;
import no.ks.ehelse.notification.domain.MessageModel.Item;
import no.ks.ehelse.notification.domain.MessageModel.Person;
import no.ks.ehelse.notification.domain.MessageModel.Place;
import no.ks.ehelse.notification.domain.MessageModel.Summary;
import no.ks.ehelse.notification.domain.MessageModel.TrackInfo;
import no.ks.ehelse.platform.web.PageLinks;

/**
 * Renders a message from its source event and the projections, at send time, so a message says what is true
 * when it goes out, in the recipient's form of Norwegian ({@link Languages}). Templates:
 * {@code templates/messages/<kind>.txt} (plain text, with a hidden {@code subject} fragment) and {@code .html} in
 * bokmål, the same names below {@code messages/nn/} in nynorsk.
 */
@ApplicationScoped
public class Messages {

    public record Rendered(String subject, String text, String html) {}

    /** The message needs data this service has not received yet (e.g. the track); try again later. */
    public static class NotReady extends RuntimeException {
        NotReady(String message) {
            super(message, null, false, false);
        }
    }

    /** A template is missing or does not render: retrying will not help. */
    public static class Broken extends RuntimeException {
        Broken(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Engine engine;
    private final NotificationConfig config;
    private final PageLinks pages;
    private final MailLinks links;
    private final AcknowledgementLinks acknowledgementLinks;
    private final Languages languages;

    Messages(
            Languages languages,
            Engine engine,
            NotificationConfig config,
            PageLinks pages,
            MailLinks links,
            AcknowledgementLinks acknowledgementLinks) {
        this.languages = languages;
        this.links = links;
        this.pages = pages;
        this.acknowledgementLinks = acknowledgementLinks;
        this.engine = engine;
        this.config = config;
    }

    public Rendered render(Notification n, SourceEvent event) {
        Language language = languages.of(n.recipient);
        if (n.kind == MessageKind.SUBSCRIPTION_CONFIRMATION) {
            return render(language, n.kind.template, confirmation(n, event));
        }
        if (n.kind.meeting()) {
            return render(language, n.kind.template, MeetingMails.model(n, event, MeetingMails.zone(), language));
        }
        return render(language, n.kind.template, model(n, event, language));
    }

    /** What a subscription's address is asked to confirm: who subscribed it, to what, and the link. */
    public record Confirmation(
            String address, String owner, List<String> eventTypes, String kommunenummer, String confirmLink) {}

    private Confirmation confirmation(Notification n, SourceEvent event) {
        List<String> types = new ArrayList<>();
        event.data
                .path("eventTypes")
                .forEach(t -> types.add(EventCatalogue.LABELS.getOrDefault(t.asText(), t.asText())));
        return new Confirmation(
                n.recipient,
                event.data.path("owner").asText(),
                types,
                event.data.path("kommunenummer").asText(null),
                links.confirm(n));
    }

    /** One mail of {@code items}, each already rendered for {@code recipient}, in the recipient's form. */
    public Rendered digest(String recipient, String recipientName, List<Rendered> items) {
        return render(
                languages.of(recipient),
                "digest",
                new MessageModel.Digest(
                        recipientName,
                        items.stream()
                                .map(r -> new MessageModel.DigestItem(r.subject(), r.text()))
                                .toList()));
    }

    private Rendered render(Language language, String kind, Object model) {
        String name = language.templates + kind;
        Template text = engine.getTemplate("messages/" + name + ".txt");
        Template html = engine.getTemplate("messages/" + name + ".html");
        if (text == null || html == null) {
            throw new Broken("no template messages/" + name + ".txt and .html", null);
        }
        try {
            String subject =
                    text.getFragment("subject").data("m", model).render().strip();
            return new Rendered(
                    subject,
                    text.data("m", model).render().strip() + "\n",
                    html.data("m", model).render());
        } catch (TemplateException | IllegalStateException e) {
            throw new Broken("template messages/" + name + ": " + e.getMessage(), e);
        }
    }

    MessageModel model(Notification n, SourceEvent event, Language language) {
        JsonNode data = event.data;
        TrackInfo track = null;
        if (n.trackId != null) {
            TrackProjection t = TrackProjection.findById(n.trackId);
            if (t == null && n.kind != MessageKind.EVENT) {
                throw new NotReady("track " + n.trackId + " is not known here yet");
            }
            track = t == null ? null : track(t, language);
        }
        // A partner enrollment's mail to the host's contacts is about the partner, not the host.
        String kommunenummer = n.kommunenummer != null && Recipients.hostOf(data) == null
                ? n.kommunenummer
                : data.path("kommunenummer").asText(n.kommunenummer);
        Place place = kommunenummer == null ? null : new Place(kommunenummer, nameOf(kommunenummer));
        EnrollmentInfo enrollment =
                data.has("kommunenummer") && data.has("status") && data.has("trackId") ? enrollment(data) : null;
        DeadlineInfo deadline = new DeadlineInfo(
                date(data.path("previousDeadline")),
                date(data.path("registrationDeadline")),
                data.path("daysLeft").canConvertToInt() ? data.path("daysLeft").asInt() : null,
                data.path("reason").asText(null));
        Summary summary = n.kind == MessageKind.DEADLINE_PASSED ? summary(n.trackId, data) : null;
        return new MessageModel(
                n.recipientName,
                place,
                track,
                enrollment,
                deadline,
                summary,
                event.type,
                event.subject,
                acknowledgement(n.kind, data));
    }

    private MessageModel.AcknowledgementInfo acknowledgement(MessageKind kind, JsonNode data) {
        if (kind != MessageKind.ENROLLED_CONFIRMED
                && kind != MessageKind.WAITLIST_PROMOTED
                && kind != MessageKind.ACKNOWLEDGEMENT_REMINDER
                && kind != MessageKind.ACKNOWLEDGEMENT_ESCALATED) {
            return null;
        }
        UUID enrollmentId;
        try {
            enrollmentId = UUID.fromString(data.path("id").asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
        Acknowledgement a = Acknowledgement.findById(enrollmentId);
        return new MessageModel.AcknowledgementInfo(
                acknowledgementLinks.link(enrollmentId),
                a == null
                        ? null
                        : a.requestedAt
                                .atZoneSameInstant(config.digest().zone())
                                .toLocalDate(),
                a == null || a.remindedAt == null
                        ? null
                        : a.remindedAt.atZoneSameInstant(config.digest().zone()).toLocalDate());
    }

    private TrackInfo track(TrackProjection t, Language language) {
        JsonNode s = t.state;
        List<Item> prerequisites = new ArrayList<>();
        for (JsonNode p : s.path("prerequisites")) {
            prerequisites.add(new Item(p.path("description").asText(), date(p.path("dueDate"))));
        }
        List<Item> milestones = new ArrayList<>();
        for (JsonNode m : s.path("milestones")) {
            milestones.add(new Item(
                    milestoneText(
                            Formats.in(language, m.path("kind").asText()),
                            m.path("title").asText(null)),
                    date(m.path("date"))));
        }
        List<MessageModel.Phase> phases = new ArrayList<>();
        for (JsonNode p : s.path("phases")) {
            phases.add(new MessageModel.Phase(
                    Formats.in(language, p.path("phase").asText()), date(p.path("starts")), date(p.path("ends"))));
        }
        return new TrackInfo(
                t.name,
                t.solution,
                SolutionProjection.nameOf(t.solution),
                s.path("vendor").asText(null),
                s.path("description").asText(null),
                t.registrationDeadline,
                date(s.path("kickOff")),
                date(s.path("closing")),
                s.path("capacity").canConvertToInt() ? s.path("capacity").asInt() : null,
                prerequisites,
                milestones,
                phases,
                member(s, "LEAD"),
                member(s, "DEPUTY"),
                t.status,
                // Every action a mail asks for is a page: the solution's page has the track's plan and sign-up.
                pages.url("enrollment", "/losninger/" + t.solution + "#lop-" + t.id));
    }

    /**
     * "Oppstartsmøte", not "Oppstart: Oppstartsmøte": the kind is left out when the title already says it (or the
     * title is the kind's own word), and stands alone without a title.
     */
    static String milestoneText(String kind, String title) {
        if (title == null || title.isBlank()) {
            return kind;
        }
        String t = title.strip();
        String stem = kind.toLowerCase(java.util.Locale.ROOT);
        if (t.toLowerCase(java.util.Locale.ROOT).contains(stem)) {
            return t;
        }
        return kind + ": " + t;
    }

    /**
     * The text without the mail's footer (from the signature separator on): a feed entry is read on the page,
     * where "you get this because you are a contact" says nothing.
     */
    public static String withoutFooter(String text) {
        int footer = text.lastIndexOf("\n--\n");
        return footer < 0 ? text : text.substring(0, footer).strip() + "\n";
    }

    private EnrollmentInfo enrollment(JsonNode data) {
        String id = data.path("id").asText();
        String link = pages.url("enrollment", "/pameldinger/" + id);
        return new EnrollmentInfo(
                data.path("status").asText(),
                data.path("waitlistPosition").canConvertToInt()
                        ? data.path("waitlistPosition").asInt()
                        : null,
                data.path("late").asBoolean(),
                date(data.path("wentLiveOn")),
                data.path("reason").asText(null),
                data.path("deadlineItem").asText(null),
                date(data.path("deadline")),
                link,
                link + "/avbud");
    }

    /** Who enrolled and who waits, by name, from the enrollment projection at send time. */
    private Summary summary(UUID trackId, JsonNode data) {
        List<EnrollmentProjection> enrollments = EnrollmentProjection.list("trackId", trackId);
        Map<String, String> names = MunicipalityProjection.<MunicipalityProjection>list(
                        "kommunenummer in ?1",
                        enrollments.stream().map(e -> e.kommunenummer).toList())
                .stream()
                .collect(Collectors.toMap(m -> m.kommunenummer, m -> m.name));
        Function<EnrollmentProjection, String> name = e -> names.getOrDefault(e.kommunenummer, e.kommunenummer);
        List<String> confirmed = enrollments.stream()
                .filter(e -> !e.status.equals("WITHDRAWN") && !e.status.equals("WAITLISTED"))
                .map(name)
                .sorted()
                .toList();
        List<String> waitlisted = enrollments.stream()
                .filter(e -> e.status.equals("WAITLISTED"))
                .sorted(Comparator.comparing(e -> e.waitlistPosition == null ? Integer.MAX_VALUE : e.waitlistPosition))
                .map(e -> name.apply(e) + (e.waitlistPosition == null ? "" : " (plass " + e.waitlistPosition + ")"))
                .toList();
        List<String> networks = new ArrayList<>();
        data.path("networksWithoutEnrollment").forEach(x -> networks.add(x.asText()));
        return new Summary(confirmed, waitlisted, networks);
    }

    private static Person member(JsonNode state, String role) {
        for (JsonNode m : state.path("workingGroup")) {
            if (role.equals(m.path("role").asText())) {
                return new Person(m.path("name").asText(null), m.path("email").asText(null));
            }
        }
        return null;
    }

    private static String nameOf(String kommunenummer) {
        MunicipalityProjection m = MunicipalityProjection.findById(kommunenummer);
        return m == null ? "kommune " + kommunenummer : m.name;
    }

    private static LocalDate date(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
