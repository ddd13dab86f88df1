package no.ks.ehelse.notification.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.ehelse.notification.domain.Cadence;
import no.ks.ehelse.notification.domain.Channel;
import no.ks.ehelse.notification.domain.Language;
import no.ks.ehelse.notification.domain.Languages;
import no.ks.ehelse.notification.domain.MessageKind;
import no.ks.ehelse.notification.domain.Preferences;
import no.ks.ehelse.notification.domain.Subscription;
import no.ks.ehelse.notification.domain.Subscriptions;
import no.ks.ehelse.platform.api.Problem;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;
import no.ks.ehelse.platform.web.FormErrors;
import no.ks.ehelse.platform.web.PageNotice;

/**
 * The signed-in person's notification settings: how their address (and, for a municipality, each of its registry
 * contacts) gets e-mail, and their own subscriptions, with a form for a new e-mail subscription. The same rules as
 * the preference and subscription APIs; removing a subscription cancels it ({@link Subscriptions#cancel}).
 */
@Path("/varsler/innstillinger")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ADMIN, Roles.LEAD, Roles.MUNICIPALITY, Roles.READER})
public class SettingsPages {

    static final PageNotice DELIVERY = new PageNotice("levering-lagret", "Valget ditt er lagret.");
    static final PageNotice SUBSCRIBED = new PageNotice("abonnement-lagt-til", "Abonnementet er lagt til.");
    static final PageNotice CANCELLED = new PageNotice("abonnement-fjernet", "Abonnementet er fjernet.");
    static final PageNotice LANGUAGE = new PageNotice("malform-lagret", "Målformen er lagret.");

    public record EventChoice(String type, String label) {}

    public record SettingsPage(
            String notice,
            String ownAddress,
            Cadence ownDelivery,
            String kommunenummer,
            List<Preferences.ContactChoice> contacts,
            List<SubscriptionView> subscriptions,
            List<EventChoice> eventTypes,
            List<Cadence> cadences,
            SubscriptionForm form,
            FormErrors errors,
            List<KindRow> kinds,
            List<Cadence> subscriptionCadences,
            List<ContactKinds> contactKinds,
            Languages.Choice ownLanguage) {}

    /** A registry contact's choices per kind (a municipality's role addresses such as postmottak@). */
    public record ContactKinds(String address, String name, List<KindRow> rows) {}

    /** One kind's row in the per-kind form: its e-mail and feed choice, each fixed or with the values allowed. */
    public record KindRow(MessageKind kind, Preferences.KindChoice email, Preferences.KindChoice feed) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(SettingsPage page);
    }

    private final Subscriptions subscriptions;
    private final Preferences preferences;
    private final Caller caller;
    private final Validator validator;
    private final Languages languages;

    SettingsPages(
            Subscriptions subscriptions,
            Preferences preferences,
            Caller caller,
            Validator validator,
            Languages languages) {
        this.languages = languages;
        this.subscriptions = subscriptions;
        this.preferences = preferences;
        this.caller = caller;
        this.validator = validator;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance page(@QueryParam("melding") String notice) {
        return settings(
                PageNotice.textOf(notice, DELIVERY, SUBSCRIBED, CANCELLED, LANGUAGE),
                SubscriptionForm.startingWith(ownAddress(), municipality()),
                FormErrors.none());
    }

    /** Immediate or daily digest for one address the caller may choose for. */
    @POST
    @Path("levering")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response delivery(@RestForm("address") String address, @RestForm("delivery") String delivery) {
        Cadence cadence = parse(delivery);
        if (address == null || !mayChoose(address)) {
            throw new ProblemException(
                    403,
                    "forbidden",
                    "Forbidden",
                    "Only the recipient, their municipality or an admin may choose this");
        }
        preferences.prefer(address, cadence, caller.name());
        return back(DELIVERY);
    }

    /** Bokmål or nynorsk for the signed-in person's own mails; empty: as the municipality writes. */
    @POST
    @Path("malform")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response language(@RestForm("language") String language) {
        String own = ownAddress();
        if (own == null) {
            throw new ProblemException(
                    403, "forbidden", "Forbidden", "Only a sign-in with an e-mail address has messages to choose for");
        }
        Language chosen;
        if (language == null || language.isBlank()) {
            chosen = null;
        } else {
            try {
                chosen = Language.valueOf(language.strip());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("language", "must be one of " + List.of(Language.values()));
            }
        }
        languages.choose(own, chosen, caller.name());
        return back(LANGUAGE);
    }

    @POST
    @Path("abonnementer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response subscribe(@BeanParam SubscriptionForm form) {
        FormErrors errors = form.errors(validator);
        if (!errors.any()) {
            try {
                subscriptions.subscribe(form.request().request(), caller.name());
                return back(SUBSCRIBED);
            } catch (ProblemException e) {
                Problem problem = e.toProblem(null);
                if (problem.violations() == null
                        || problem.violations().stream()
                                .noneMatch(v -> v.field().equals("address"))) {
                    throw e;
                }
                errors = FormErrors.none().add("address", "Skriv inn en gyldig e-postadresse, som ehelse@kommunen.no");
            }
        }
        return Response.status(400).entity(settings(null, form, errors)).build();
    }

    @POST
    @Path("abonnementer/{id}/fjern")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response cancel(@PathParam("id") UUID id) {
        Subscription s = subscriptions
                .find(id, caller.name(), false)
                .orElseThrow(() -> ProblemException.notFound("Subscription", id.toString()));
        subscriptions.cancel(s);
        return back(CANCELLED);
    }

    private TemplateInstance settings(String notice, SubscriptionForm form, FormErrors errors) {
        String own = ownAddress();
        String kommunenummer = municipality();
        return Templates.settings(new SettingsPage(
                notice,
                own,
                own == null ? null : preferences.preference(own),
                kommunenummer,
                kommunenummer == null ? List.of() : preferences.ofContacts(kommunenummer),
                subscriptions.current(caller.name()).stream()
                        .map(SubscriptionView::of)
                        .toList(),
                EventTypeText.SUBSCRIBABLE.entrySet().stream()
                        .map(e -> new EventChoice(e.getKey(), e.getValue()))
                        .toList(),
                List.of(Cadence.values()),
                form,
                errors,
                own == null ? List.of() : rows(preferences.kinds(own)),
                List.of(Cadence.IMMEDIATE, Cadence.DAILY_DIGEST, Cadence.WEEKLY_DIGEST),
                kommunenummer == null
                        ? List.of()
                        : preferences.ofContacts(kommunenummer).stream()
                                .filter(c -> !c.address().equalsIgnoreCase(own == null ? "" : own))
                                .map(c -> new ContactKinds(c.address(), c.name(), rows(preferences.kinds(c.address()))))
                                .toList(),
                own == null ? null : languages.choice(own)));
    }

    private static List<KindRow> rows(List<Preferences.KindChoice> choices) {
        Map<MessageKind, Preferences.KindChoice[]> byKind = new LinkedHashMap<>();
        for (Preferences.KindChoice c : choices) {
            byKind.computeIfAbsent(c.kind(), k -> new Preferences.KindChoice[2])[c.channel() == Channel.EMAIL ? 0 : 1] =
                    c;
        }
        return byKind.entrySet().stream()
                .map(e -> new KindRow(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    /**
     * One address's choices per kind (the caller's own, or as a municipality one of its contacts'), in one form: each select is a field {@code valg} with the value
     * {@code <CHANNEL>:<KIND>:<DELIVERY>}; a fixed kind has none. A value the kind does not allow is refused like the
     * API does (400 naming it).
     */
    @POST
    @Path("typer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response kinds(@RestForm("address") String address, @RestForm("valg") List<String> choices) {
        String own = address == null || address.isBlank() ? ownAddress() : address.strip();
        if (own == null || !mayChoose(own)) {
            throw new ProblemException(
                    403,
                    "forbidden",
                    "Forbidden",
                    "Only the recipient, their municipality or an admin may choose this");
        }
        for (String choice : choices == null ? List.<String>of() : choices) {
            String[] parts = choice.split(":");
            if (parts.length != 3) {
                throw ProblemException.invalidField("valg", "must be <CHANNEL>:<KIND>:<DELIVERY>");
            }
            MessageKind kind = Preferences.choosableKinds().stream()
                    .filter(k -> k.name().equals(parts[1]))
                    .findFirst()
                    .orElseThrow(() ->
                            ProblemException.invalidField("kind", "must be one of " + Preferences.choosableKinds()));
            Channel channel = Preferences.CHANNELS.stream()
                    .filter(c -> c.name().equals(parts[0]))
                    .findFirst()
                    .orElseThrow(
                            () -> ProblemException.invalidField("channel", "must be one of " + Preferences.CHANNELS));
            Cadence cadence = parse(parts[2]);
            if (preferences.effective(own, kind, channel) != cadence) {
                preferences.prefer(own, kind, channel, cadence, caller.name());
            }
        }
        return back(DELIVERY);
    }

    /** The caller's own address: the name in their token when it is an e-mail address. */
    private String ownAddress() {
        String name = caller.name();
        return name.contains("@") ? name : null;
    }

    private String municipality() {
        return caller.has(Roles.MUNICIPALITY) ? caller.kommunenummer() : null;
    }

    private boolean mayChoose(String address) {
        return caller.has(Roles.ADMIN)
                || address.equalsIgnoreCase(caller.name())
                || municipality() != null && preferences.isContactOf(address, municipality());
    }

    private static Cadence parse(String delivery) {
        try {
            return Cadence.valueOf(String.valueOf(delivery).strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("delivery", "must be one of " + List.of(Cadence.values()));
        }
    }

    private static Response back(PageNotice notice) {
        return Response.seeOther(URI.create("/varsler/innstillinger?melding=" + notice.param()))
                .build();
    }
}
