package no.ks.ehelse.notification.api;

import java.util.Locale;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import no.ks.ehelse.notification.domain.Channel;
import no.ks.ehelse.notification.domain.Notification;
import no.ks.ehelse.notification.domain.Notifications;
import no.ks.ehelse.platform.api.Page;
import no.ks.ehelse.platform.api.PageRequest;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;

/**
 * The readable feed: a municipality's ({@code ?kommunenummer=}) or a person's ({@code ?recipient=} their
 * address). A municipality token reads only its own; anyone may read the feed of the address in their token
 * (upn); admin reads all.
 */
@Path("/api/v1/feed")
@Tag(name = "Feed", description = "Notifications to read, newest first, with read/unread")
@RolesAllowed({Roles.ADMIN, Roles.LEAD, Roles.MUNICIPALITY, Roles.READER})
public class FeedResource {

    private final Notifications notifications;
    private final Caller caller;

    FeedResource(Notifications notifications, Caller caller) {
        this.notifications = notifications;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "readFeed", summary = "A feed, newest first; ?unread=true for unread entries only")
    public Page<FeedItem> feed(
            @QueryParam("kommunenummer") @Pattern(regexp = "[0-9]{4}", message = "must be a 4-digit kommunenummer")
                    String kommunenummer,
            @QueryParam("recipient") String recipient,
            @QueryParam("unread") boolean unread,
            @BeanParam @Valid PageRequest page) {
        if ((kommunenummer == null) == (recipient == null)) {
            throw ProblemException.invalidField("kommunenummer", "give exactly one of kommunenummer and recipient");
        }
        // The feed is stored and looked up in lower case, so the check must see the key as the lookup does.
        String key = (kommunenummer != null ? Notification.municipalityFeed(kommunenummer) : recipient)
                .toLowerCase(Locale.ROOT);
        if (!mayRead(key)) {
            throw new ProblemException(403, "forbidden", "Forbidden", "This feed belongs to someone else");
        }
        return Page.of(notifications.feed(key, unread), page, FeedItem::of);
    }

    @PUT
    @Path("{id}/read")
    @Operation(operationId = "markFeedEntryRead", summary = "Mark a feed entry as read")
    public FeedItem read(@PathParam("id") UUID id) {
        return FeedItem.of(notifications.markRead(entry(id), true));
    }

    @DELETE
    @Path("{id}/read")
    @Operation(operationId = "markFeedEntryUnread", summary = "Mark a feed entry as unread again")
    public FeedItem unread(@PathParam("id") UUID id) {
        return FeedItem.of(notifications.markRead(entry(id), false));
    }

    private Notification entry(UUID id) {
        return notifications
                .find(id)
                .filter(n -> n.channel == Channel.FEED && mayRead(n.recipient))
                .orElseThrow(() -> ProblemException.notFound("Feed entry", id.toString()));
    }

    private boolean mayRead(String feed) {
        String key = feed.toLowerCase(Locale.ROOT);
        if (caller.has(Roles.ADMIN)) {
            return true;
        }
        if (key.startsWith("kommune:")) {
            return caller.has(Roles.MUNICIPALITY)
                    && key.equals(Notification.municipalityFeed(String.valueOf(caller.kommunenummer())));
        }
        return key.equalsIgnoreCase(caller.name());
    }
}
