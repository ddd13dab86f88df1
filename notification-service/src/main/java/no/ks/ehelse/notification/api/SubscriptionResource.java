package no.ks.ehelse.notification.api;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import no.ks.ehelse.notification.domain.Notification;
import no.ks.ehelse.notification.domain.Notifications;
import no.ks.ehelse.notification.domain.RedeliveryLimited;
import no.ks.ehelse.notification.domain.Subscription;
import no.ks.ehelse.notification.domain.Subscriptions;
import no.ks.ehelse.platform.api.Page;
import no.ks.ehelse.platform.api.PageRequest;
import no.ks.ehelse.platform.api.Problem;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;

/** Subscriptions belong to their creator; an admin sees all. NHN's integration account does not subscribe. */
@Path("/api/v1/subscriptions")
@Tag(name = "Subscriptions", description = "Who is told about which events, and how")
@RolesAllowed({Roles.ADMIN, Roles.LEAD, Roles.MUNICIPALITY, Roles.READER})
public class SubscriptionResource {

    static final String REDELIVERY_LIMITED = "A message may be sent again by hand once a minute and five times a day "
            + "(ehelse.notifications.redelivery.*); `Retry-After` says when it may be again";

    private final Subscriptions subscriptions;
    private final Notifications notifications;
    private final Caller caller;

    SubscriptionResource(Subscriptions subscriptions, Notifications notifications, Caller caller) {
        this.subscriptions = subscriptions;
        this.notifications = notifications;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listSubscriptions", summary = "Your subscriptions, newest first (admin: everyone's)")
    public Page<SubscriptionView> list(@BeanParam @Valid PageRequest page) {
        return Page.of(subscriptions.list(caller.name(), caller.has(Roles.ADMIN)), page, SubscriptionView::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getSubscription", summary = "One of your subscriptions")
    public SubscriptionView get(@PathParam("id") UUID id) {
        return SubscriptionView.of(owned(id));
    }

    @POST
    @Operation(
            operationId = "subscribe",
            summary = "Subscribe to event types (the catalogue of docs/events: enrollment-service's tracks and "
                    + "enrollments) by e-mail, webhook or your own feed; a webhook's signing secret is in this answer "
                    + "only. An e-mail address other than your own gets a confirmation mail and nothing else until it "
                    + "follows the link (status PENDING_CONFIRMATION, then ACTIVE). Announces "
                    + "notification.subscription-created")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            headers =
                    @Header(
                            name = "Location",
                            required = true,
                            description = "the new subscription",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = SubscriptionView.class)))
    public Response subscribe(@NotNull(message = "a body is required") @Valid SubscriptionRequest request) {
        Subscriptions.Created created = subscriptions.subscribe(request.request(), caller.name());
        SubscriptionView view = SubscriptionView.of(created.subscription(), created.secret());
        return Response.created(URI.create("/api/v1/subscriptions/" + view.id()))
                .entity(view)
                .build();
    }

    @DELETE
    @Path("{id}")
    @Operation(
            operationId = "deleteSubscription",
            summary = "Delete a subscription: nothing more is sent for it, and it is no longer listed. Its delivery "
                    + "log is kept for operators. Announces notification.subscription-deleted")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id) {
        subscriptions.delete(owned(id), caller.name());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/secret")
    @Operation(
            operationId = "rotateSubscriptionSecret",
            summary = "A new signing secret for a webhook subscription, shown in this answer only. For the overlap "
                    + "(ehelse.notifications.subscriptions.rotation-overlap, 24 h) every call carries both "
                    + "signatures (webhook-signature: v1,<new> v1,<old>). Announces "
                    + "notification.subscription-secret-rotated")
    @APIResponse(
            responseCode = "200",
            description = "The new secret",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RotatedSecret.class)))
    @APIResponse(responseCode = "409", description = "Not a webhook subscription: it has no secret")
    public RotatedSecret rotate(@PathParam("id") UUID id) {
        Subscriptions.Rotated rotated = subscriptions.rotate(owned(id));
        return new RotatedSecret(rotated.subscription().id, rotated.secret(), rotated.previousValidUntil());
    }

    @POST
    @Path("{id}/replay")
    @Operation(
            operationId = "replaySubscription",
            summary = "Send this subscription's messages made since a time again, each once more and at once "
                    + "(for a receiver that lost data); at most 30 days back")
    @APIResponse(
            responseCode = "202",
            description = "Accepted: how many messages are sent again shortly",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Replay.class)))
    @APIResponse(
            responseCode = "409",
            description = "The subscription is disabled, or its address has not confirmed it yet")
    public Response replay(
            @PathParam("id") UUID id,
            @Parameter(description = "the earliest message time, ISO 8601 with offset, e.g. 2026-11-30T00:00:00Z")
                    @QueryParam("since")
                    @NotNull(message = "is required")
                    OffsetDateTime since) {
        int count = subscriptions.replay(owned(id), since);
        return Response.accepted(new Replay(id, since, count)).build();
    }

    /** The new signing secret (shown once) and until when the old one is still signed with. */
    public record RotatedSecret(UUID id, String secret, OffsetDateTime previousSecretValidUntil) {}

    /** How many of the subscription's messages are sent again. */
    public record Replay(UUID id, OffsetDateTime since, int messages) {}

    /** The 429 of the redelivery limit, with the seconds until it would be accepted. */
    @ServerExceptionMapper
    public Response limited(RedeliveryLimited e, UriInfo uri) {
        return Response.status(429)
                .header("Retry-After", e.retryAfter())
                .type(Problem.MEDIA_TYPE)
                .entity(e.toProblem("/" + uri.getPath().replaceFirst("^/", "")))
                .build();
    }

    @POST
    @Path("{id}/enable")
    @Operation(
            operationId = "enableSubscription",
            summary = "Turn a subscription back on after its endpoint answered 410 Gone")
    public SubscriptionView enable(@PathParam("id") UUID id) {
        return SubscriptionView.of(subscriptions.enable(owned(id)));
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(
            operationId = "listSubscriptionDeliveries",
            summary = "The delivery log of a subscription: its messages, newest first, with status and attempts")
    public Page<NotificationView> deliveries(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page) {
        owned(id);
        return Page.of(
                notifications.search(new Notifications.Filter(null, null, null, null, null, id)),
                page,
                NotificationView::of);
    }

    @GET
    @Path("{id}/deliveries/{messageId}")
    @Operation(operationId = "getSubscriptionDelivery", summary = "One message of a subscription with every attempt")
    public NotificationView delivery(@PathParam("id") UUID id, @PathParam("messageId") UUID messageId) {
        Notification n = message(id, messageId);
        return NotificationView.of(n, notifications.attempts(n.id));
    }

    @POST
    @Path("{id}/deliveries/{messageId}/redelivery")
    @Operation(operationId = "redeliverSubscriptionMessage", summary = "Send a message of this subscription again, now")
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
            description = REDELIVERY_LIMITED,
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "seconds until the message may be sent again",
                            schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response redeliver(@PathParam("id") UUID id, @PathParam("messageId") UUID messageId) {
        Notification n = notifications.redeliver(message(id, messageId));
        return Response.accepted(NotificationView.of(n)).build();
    }

    private Subscription owned(UUID id) {
        return subscriptions
                .find(id, caller.name(), caller.has(Roles.ADMIN))
                .orElseThrow(() -> ProblemException.notFound("Subscription", id.toString()));
    }

    private Notification message(UUID id, UUID messageId) {
        owned(id);
        return notifications
                .find(messageId)
                .filter(n -> id.equals(n.subscriptionId))
                .orElseThrow(() -> ProblemException.notFound("Message", messageId.toString()));
    }
}
