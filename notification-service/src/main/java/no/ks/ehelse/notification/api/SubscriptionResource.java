package no.ks.ehelse.notification.api;

import java.net.URI;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import no.ks.ehelse.notification.domain.Subscriptions;
import no.ks.ehelse.platform.api.Page;
import no.ks.ehelse.platform.api.PageRequest;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;

/** Subscriptions belong to their creator; an admin sees all. NHN's integration account does not subscribe. */
@Path("/api/v1/subscriptions")
@Tag(name = "Subscriptions", description = "Who is told about which events, and how")
@RolesAllowed({ Roles.ADMIN, Roles.LEAD, Roles.MUNICIPALITY, Roles.READER })
public class SubscriptionResource {

    private final Subscriptions subscriptions;
    private final Caller caller;

    SubscriptionResource(Subscriptions subscriptions, Caller caller) {
        this.subscriptions = subscriptions;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Your subscriptions, newest first (admin: everyone's)")
    public Page<SubscriptionView> list(@BeanParam @Valid PageRequest page) {
        return Page.of(subscriptions.list(caller.name(), caller.has(Roles.ADMIN)), page, SubscriptionView::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of your subscriptions")
    public SubscriptionView get(@PathParam("id") UUID id) {
        return subscriptions.find(id, caller.name(), caller.has(Roles.ADMIN)).map(SubscriptionView::of)
                .orElseThrow(() -> ProblemException.notFound("Subscription", id.toString()));
    }

    @POST
    @Operation(summary = "Subscribe to event types by e-mail or webhook; announces notification.subscription-created")
    public Response subscribe(@NotNull(message = "a body is required") @Valid SubscriptionRequest request) {
        SubscriptionView created = SubscriptionView.of(subscriptions.subscribe(request.request(), caller.name()));
        return Response.created(URI.create("/api/v1/subscriptions/" + created.id())).entity(created).build();
    }
}
