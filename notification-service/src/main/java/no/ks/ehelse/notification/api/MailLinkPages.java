package no.ks.ehelse.notification.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.ehelse.notification.domain.MailLinkActions;
import no.ks.ehelse.notification.domain.MailLinks;
import no.ks.ehelse.notification.domain.Subscription;
import no.ks.ehelse.notification.domain.SubscriptionStatus;

/**
 * The pages behind the links in mails, for whoever reads the mail, signed in or not (the token in the link is the
 * authorization): what an unsubscribe link turns off, and the confirmation of an e-mail subscription. A GET only
 * shows and asks; the button POSTs ({@link MailLinkRoutes}), so a link checker that opens every link in a mail
 * changes nothing.
 */
@Path("/varsler")
@Produces(MediaType.TEXT_HTML)
public class MailLinkPages {

    /** An unsubscribe link: what it is about ({@code what}), for which address, and whether it is done. */
    public record UnsubscribePage(
            boolean valid,
            String token,
            String address,
            String what,
            boolean subscription,
            boolean done,
            String preferences) {}

    public record ConfirmPage(
            boolean valid,
            String token,
            String address,
            String owner,
            List<String> eventTypes,
            boolean done,
            String preferences) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance unsubscribe(UnsubscribePage page);

        static native TemplateInstance confirm(ConfirmPage page);
    }

    private final MailLinkActions actions;
    private final MailLinks links;

    MailLinkPages(MailLinkActions actions, MailLinks links) {
        this.actions = actions;
        this.links = links;
    }

    @GET
    @Path("avmelding")
    @Operation(hidden = true)
    public Response unsubscribe(@QueryParam("token") String token) {
        return actions.unsubscribeOf(token)
                .map(u -> Response.ok(Templates.unsubscribe(new UnsubscribePage(
                                true,
                                token,
                                u.claim().address(),
                                what(u),
                                u.claim().subscription() != null,
                                u.done(),
                                links.preferences())))
                        .build())
                .orElseGet(() -> Response.status(400)
                        .entity(Templates.unsubscribe(
                                new UnsubscribePage(false, null, null, null, false, false, links.preferences())))
                        .build());
    }

    @GET
    @Path("abonnement/bekreft")
    @Operation(hidden = true)
    public Response confirm(@QueryParam("token") String token) {
        return actions.toConfirm(token)
                .map(s -> Response.ok(Templates.confirm(new ConfirmPage(
                                true,
                                token,
                                s.address,
                                s.owner,
                                s.eventTypeList().stream()
                                        .map(EventTypeText::eventLabel)
                                        .toList(),
                                s.status == SubscriptionStatus.ACTIVE,
                                links.preferences())))
                        .build())
                .orElseGet(() -> Response.status(400)
                        .entity(Templates.confirm(
                                new ConfirmPage(false, null, null, null, List.of(), false, links.preferences())))
                        .build());
    }

    private static String what(MailLinkActions.Unsubscribe u) {
        Subscription s = u.subscription();
        if (u.claim().subscription() != null) {
            return s == null
                    ? "abonnementet"
                    : "abonnementet på "
                            + String.join(
                                    ", ",
                                    s.eventTypeList().stream()
                                            .map(type -> "«" + EventTypeText.eventLabel(type) + "»")
                                            .toList());
        }
        return u.claim()
                .messageKind()
                .filter(k -> !k.fixed())
                .map(k -> "e-post av typen «" + EventTypeText.label(k) + "»")
                .orElse("all e-post som kan slås av (alt unntatt bekreftelser og det du må gjøre noe med)");
    }
}
