package no.ks.ehelse.notification.api;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import no.ks.ehelse.notification.domain.Channel;
import no.ks.ehelse.notification.domain.Notification;
import no.ks.ehelse.notification.domain.NotificationStatus;
import no.ks.ehelse.notification.domain.Notifications;
import no.ks.ehelse.notification.domain.RedeliveryLimited;
import no.ks.ehelse.platform.api.Page;
import no.ks.ehelse.platform.api.PageRequest;
import no.ks.ehelse.platform.api.Problem;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;

/**
 * Delivery status of every notification: pending, sent, retrying, failed (with attempts and the last error), skipped.
 * Admins see all; a lead the messages about tracks of its solutions; a municipality the messages about itself, with
 * the recipient only where the message went to the municipality's own contacts, feed or subscriptions (not to
 * someone else's subscription). See docs/security.md.
 */
@Path("/api/v1/notifications")
@Tag(name = "Notifications", description = "Messages and their delivery status")
@RolesAllowed({Roles.ADMIN, Roles.LEAD, Roles.MUNICIPALITY})
public class NotificationResource {

    private final Notifications notifications;
    private final Caller caller;

    NotificationResource(Notifications notifications, Caller caller) {
        this.notifications = notifications;
        this.caller = caller;
    }

    @GET
    @Operation(
            operationId = "listNotifications",
            summary = "Messages, newest first, filtered by status, channel, municipality, recipient or event")
    public Page<NotificationView> list(
            @QueryParam("status")
                    @Pattern(
                            regexp = "PENDING|SENT|RETRYING|FAILED|SKIPPED",
                            message = "must be one of PENDING, SENT, RETRYING, FAILED, SKIPPED")
                    String status,
            @QueryParam("channel")
                    @Pattern(regexp = "EMAIL|WEBHOOK|FEED", message = "must be one of EMAIL, WEBHOOK, FEED")
                    String channel,
            @QueryParam("kommunenummer") @Pattern(regexp = "[0-9]{4}", message = "must be a 4-digit kommunenummer")
                    String kommunenummer,
            @QueryParam("recipient") String recipient,
            @QueryParam("eventId") String eventId,
            @BeanParam @Valid PageRequest page) {
        String scope = kommunenummer;
        if (onlyOwnMunicipality()) {
            if (kommunenummer != null && !kommunenummer.equals(caller.kommunenummer())) {
                throw new ProblemException(
                        403, "forbidden", "Forbidden", "A municipality sees only the messages about itself");
            }
            scope = caller.kommunenummer();
        }
        Notifications.Filter filter = new Notifications.Filter(
                status == null ? null : NotificationStatus.valueOf(status),
                channel == null ? null : Channel.valueOf(channel),
                scope,
                recipient,
                eventId,
                null,
                onlyOwnSolutions() ? caller.solutions() : null);
        return Page.of(notifications.search(filter), page, n -> shown(n, NotificationView.of(n)));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getNotification", summary = "One message with every delivery attempt")
    public NotificationView get(@PathParam("id") UUID id) {
        Notification n = visible(id);
        return shown(n, NotificationView.of(n, notifications.attempts(n.id)));
    }

    @POST
    @Path("{id}/redelivery")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "redeliverNotification",
            summary = "Admin: send a message again, now (e.g. after fixing an address)")
    @APIResponse(
            responseCode = "202",
            description = "Accepted: the message is sent again shortly",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = NotificationView.class)))
    @APIResponse(
            responseCode = "409",
            description =
                    "The message cannot be sent again: a feed entry, already waiting to be sent, or its subscription is disabled")
    @APIResponse(
            responseCode = "429",
            description = SubscriptionResource.REDELIVERY_LIMITED,
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "seconds until the message may be sent again",
                            schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response redeliver(@PathParam("id") UUID id) {
        return Response.accepted(NotificationView.of(notifications.redeliver(visible(id))))
                .build();
    }

    /** The 429 of the redelivery limit, with the seconds until it would be accepted. */
    @ServerExceptionMapper
    public Response limited(RedeliveryLimited e, UriInfo uri) {
        return Response.status(429)
                .header("Retry-After", e.retryAfter())
                .type(Problem.MEDIA_TYPE)
                .entity(e.toProblem("/" + uri.getPath().replaceFirst("^/", "")))
                .build();
    }

    /** Another caller's message is answered as not found: its id says nothing about whether it exists. */
    private Notification visible(UUID id) {
        return notifications
                .find(id)
                .filter(this::inScope)
                .orElseThrow(() -> ProblemException.notFound("Message", id.toString()));
    }

    private boolean inScope(Notification n) {
        if (caller.has(Roles.ADMIN)) {
            return true;
        }
        if (caller.has(Roles.LEAD)) {
            return notifications
                    .solutionOf(n)
                    .filter(caller.solutions()::contains)
                    .isPresent();
        }
        return caller.kommunenummer() != null && caller.kommunenummer().equals(n.kommunenummer);
    }

    /** A municipality does not see the address behind another owner's subscription. */
    private NotificationView shown(Notification n, NotificationView view) {
        if (!onlyOwnMunicipality()) {
            return view;
        }
        boolean othersSubscription = notifications
                .subscriptionOwnerOf(n)
                .filter(owner -> !owner.equals(caller.name()))
                .isPresent();
        return othersSubscription ? view.withoutRecipient() : view;
    }

    private boolean onlyOwnSolutions() {
        return !caller.has(Roles.ADMIN) && caller.has(Roles.LEAD);
    }

    private boolean onlyOwnMunicipality() {
        return !caller.has(Roles.ADMIN) && !caller.has(Roles.LEAD);
    }
}
