package no.ks.ehelse.registry.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import no.ks.ehelse.platform.api.Page;
import no.ks.ehelse.platform.api.PageRequest;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;
import no.ks.ehelse.registry.domain.HostArrangement;
import no.ks.ehelse.registry.domain.HostArrangements;
import no.ks.ehelse.registry.domain.MunicipalityRegistry;

/**
 * Host municipality arrangements. Admins record, change and end them; leads and readers read all; a municipality
 * those it is host or partner in; a network those with its municipalities (host or a partner); NHN none.
 */
@Path("/api/v1/host-arrangements")
@Tag(name = "Host arrangements", description = "Host municipalities (vertskommune) acting for partner municipalities")
@RolesAllowed({Roles.ADMIN, Roles.LEAD, Roles.MUNICIPALITY, Roles.NETWORK, Roles.READER})
public class HostArrangementResource {

    private final HostArrangements arrangements;
    private final MunicipalityRegistry registry;
    private final NetworkScope networkScope;
    private final Caller caller;

    HostArrangementResource(
            HostArrangements arrangements, MunicipalityRegistry registry, NetworkScope networkScope, Caller caller) {
        this.arrangements = arrangements;
        this.registry = registry;
        this.networkScope = networkScope;
        this.caller = caller;
    }

    @GET
    @Operation(
            operationId = "listHostArrangements",
            summary = "Host arrangements, newest first, ended ones included (a municipality and a network see"
                    + " those of their municipalities)")
    public Page<HostArrangementView> list(
            @Parameter(description = "only those with this municipality as host or partner")
                    @QueryParam("kommunenummer")
                    String kommunenummer,
            @Parameter(description = "only those in force this day") @QueryParam("validOn") LocalDate validOn,
            @BeanParam @Valid PageRequest page) {
        String involving = kommunenummer;
        String network = null;
        if (!caller.has(Roles.ADMIN) && !caller.has(Roles.LEAD) && !caller.has(Roles.READER)) {
            if (caller.has(Roles.MUNICIPALITY)) {
                if (kommunenummer != null && !kommunenummer.equals(caller.kommunenummer())) {
                    return Page.of(java.util.List.of(), page);
                }
                involving = caller.kommunenummer();
            } else {
                network = networkScope.network();
                if (network == null) {
                    return Page.of(java.util.List.of(), page);
                }
            }
        }
        LocalDate today = registry.today();
        return Page.of(
                arrangements.list(new HostArrangements.Filter(involving, network, validOn)).stream()
                        .map(a -> view(a, today))
                        .toList(),
                page);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getHostArrangement", summary = "One host arrangement")
    public HostArrangementView get(@PathParam("id") UUID id) {
        HostArrangement arrangement = arrangements.find(id);
        boolean mayRead = caller.has(Roles.ADMIN)
                || caller.has(Roles.LEAD)
                || caller.has(Roles.READER)
                || caller.has(Roles.MUNICIPALITY) && arrangement.involves(caller.kommunenummer())
                || networkScope.covers(arrangement.host)
                || arrangement.partners.stream().anyMatch(networkScope::covers);
        if (!mayRead) {
            throw new ProblemException(
                    403,
                    "forbidden",
                    "Forbidden",
                    "The arrangement has none of the caller's municipalities as host or partner");
        }
        return view(arrangement, registry.today());
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "registerHostArrangement",
            summary = "Record a host arrangement (admin); announces host-arrangement.registered")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            headers =
                    @Header(
                            name = "Location",
                            required = true,
                            description = "the new arrangement",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = HostArrangementView.class)))
    @APIResponse(
            responseCode = "409",
            description = "A partner already has a host for one of these solutions in an overlapping period")
    public Response register(@NotNull(message = "a body is required") @Valid HostArrangementRequest request) {
        HostArrangement created = arrangements.register(request.details());
        return Response.created(URI.create("/api/v1/host-arrangements/" + created.id))
                .entity(view(created, registry.today()))
                .build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "replaceHostArrangement",
            summary = "Correct a host arrangement that has not ended (admin); announces host-arrangement.changed")
    @APIResponse(
            responseCode = "200",
            description = "The arrangement as it now is",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = HostArrangementView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The arrangement has ended, or a partner already has a host for an overlapping period")
    public HostArrangementView change(
            @PathParam("id") UUID id, @NotNull(message = "a body is required") @Valid HostArrangementRequest request) {
        return view(arrangements.change(id, request.details()), registry.today());
    }

    @POST
    @Path("{id}/end")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "endHostArrangement",
            summary = "End a host arrangement on a day, with the reason (admin); it is kept as history; announces"
                    + " host-arrangement.ended")
    @APIResponse(
            responseCode = "200",
            description = "The arrangement as it now is",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = HostArrangementView.class)))
    @APIResponse(responseCode = "409", description = "The arrangement has ended already")
    public HostArrangementView end(
            @PathParam("id") UUID id,
            @NotNull(message = "a body is required") @Valid HostArrangementEndRequest request) {
        return view(arrangements.end(id, request.validTo(), request.reason()), registry.today());
    }

    private HostArrangementView view(HostArrangement arrangement, LocalDate today) {
        return HostArrangementView.of(arrangement, today, number -> registry.find(number)
                .map(m -> m.name)
                .orElse(null));
    }
}
