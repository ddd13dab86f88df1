package no.ks.ehelse.registry.api;

import java.net.URI;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
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
import no.ks.ehelse.platform.security.Roles;
import no.ks.ehelse.registry.domain.VendorKind;
import no.ks.ehelse.registry.domain.Vendors;

@Path("/api/v1/vendors")
@Tag(name = "Vendors", description = "EPJ and welfare-technology vendors and the solutions their products support")
@Authenticated
public class VendorResource {

    private final Vendors vendors;

    VendorResource(Vendors vendors) {
        this.vendors = vendors;
    }

    @GET
    @Operation(operationId = "listVendors", summary = "List vendors, optionally of one kind or supporting one solution")
    public Page<VendorView> list(
            @QueryParam("kind") VendorKind kind,
            @Parameter(description = "a solution code: only vendors whose products support it (from any day)")
                    @QueryParam("solution")
                    String solution,
            @BeanParam @Valid PageRequest page) {
        return Page.of(vendors.list(kind, solution), page, VendorView::of);
    }

    @GET
    @Path("{code}")
    @Operation(operationId = "getVendor", summary = "Get one vendor by its code, e.g. visma")
    public VendorView get(@PathParam("code") String code) {
        return vendors.find(code).map(VendorView::of).orElseThrow(() -> ProblemException.notFound("Vendor", code));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "registerVendor", summary = "Register a new vendor (admin); announces vendor.registered")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            headers =
                    @Header(
                            name = "Location",
                            required = true,
                            description = "the new vendor",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VendorView.class)))
    @APIResponse(responseCode = "409", description = "A vendor with this code exists")
    public Response register(@NotNull(message = "a body is required") @Valid VendorRequest request) {
        VendorView created = VendorView.of(vendors.register(request.code(), request.details()));
        return Response.created(URI.create("/api/v1/vendors/" + created.code()))
                .entity(created)
                .build();
    }

    @PUT
    @Path("{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "replaceVendor",
            summary = "Replace a vendor's name, kind and supported solutions (admin); announces vendor.changed")
    public VendorView change(
            @PathParam("code") String code, @NotNull(message = "a body is required") @Valid VendorRequest request) {
        if (!code.equals(request.code())) {
            throw ProblemException.invalidField("code", "must equal the code in the path ('" + code + "')");
        }
        return VendorView.of(vendors.change(code, request.details()));
    }
}
