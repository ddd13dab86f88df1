package no.ks.ehelse.notification.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import no.ks.ehelse.notification.domain.MailLinkActions;
import no.ks.ehelse.notification.domain.MailLinks;

/**
 * The POSTs behind the links in mails, outside Quarkus REST on purpose: RFC 8058's one-click unsubscribe is a POST
 * from the recipient's mail provider, with no session and no cookie, so it cannot carry a CSRF token (and the REST
 * CSRF filter checks every form POST). It does not need one: CSRF protection stops a forged request riding on a
 * session, and these requests use no session; what authorizes them is the signed token in the URL, which names
 * the one address and kind (or subscription) it may change. The worst a forger holding a link can do is what the
 * link's owner could do with it. The confirmation of an e-mail subscription works the same way.
 *
 * <p>A one-click POST (body {@code List-Unsubscribe=One-Click}) gets 200 and a short text; the page's button gets a
 * 303 back to the page, which then says it is done. A bad token is 400.
 */
@ApplicationScoped
public class MailLinkRoutes {

    private final MailLinkActions actions;

    MailLinkRoutes(MailLinkActions actions) {
        this.actions = actions;
    }

    void routes(@Observes Router router) {
        router.post(MailLinks.UNSUBSCRIBE_PATH)
                .order(-10)
                .handler(BodyHandler.create(false).setBodyLimit(4096))
                .blockingHandler(this::unsubscribe, false);
        router.post(MailLinks.CONFIRM_PATH)
                .order(-10)
                .handler(BodyHandler.create(false).setBodyLimit(4096))
                .blockingHandler(this::confirm, false);
    }

    private void unsubscribe(RoutingContext ctx) {
        String token = ctx.request().getParam("token");
        boolean oneClick = "One-Click".equals(ctx.request().getFormAttribute("List-Unsubscribe"));
        if (actions.unsubscribe(token).isEmpty()) {
            text(ctx, 400, "Lenken er ugyldig eller ødelagt. Ingenting er endret.");
        } else if (oneClick) {
            text(ctx, 200, "Du er meldt av.");
        } else {
            back(ctx, MailLinks.UNSUBSCRIBE_PATH, token);
        }
    }

    private void confirm(RoutingContext ctx) {
        String token = ctx.request().getParam("token");
        if (actions.confirm(token).isEmpty()) {
            text(ctx, 400, "Lenken er ugyldig, eller abonnementet er slettet. Ingenting er endret.");
        } else {
            back(ctx, MailLinks.CONFIRM_PATH, token);
        }
    }

    private static void back(RoutingContext ctx, String path, String token) {
        ctx.response()
                .setStatusCode(303)
                .putHeader("Location", path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))
                .end();
    }

    private static void text(RoutingContext ctx, int status, String text) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "text/plain; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(text);
    }
}
