package no.ks.ehelse.registry.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import no.ks.ehelse.platform.api.Page;
import no.ks.ehelse.platform.api.PageRequest;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.registry.domain.Areas;

@Path("/api/v1")
@Tag(name = "Areas", description = "Counties, Diginettverk and health regions with their municipalities")
@Authenticated
public class AreaResource {

    private final Areas areas;

    AreaResource(Areas areas) {
        this.areas = areas;
    }

    @GET
    @Path("counties")
    @Operation(
            operationId = "listCounties",
            summary = "The counties (fylker) of 2024 with municipality count and population")
    public Page<AreaView> counties(@BeanParam @Valid PageRequest page) {
        return list(Areas.Kind.COUNTY, page);
    }

    @GET
    @Path("counties/{fylkesnummer}")
    @Operation(operationId = "getCounty", summary = "One county with its municipalities")
    public AreaView county(@PathParam("fylkesnummer") String fylkesnummer) {
        return get(Areas.Kind.COUNTY, fylkesnummer, "County");
    }

    @GET
    @Path("networks")
    @Operation(operationId = "listNetworks", summary = "The 11 Diginettverk with municipality count and population")
    public Page<AreaView> networks(@BeanParam @Valid PageRequest page) {
        return list(Areas.Kind.NETWORK, page);
    }

    @GET
    @Path("networks/{code}")
    @Operation(operationId = "getNetwork", summary = "One Diginettverk with its municipalities, e.g. digi-vestland")
    public AreaView network(@PathParam("code") String code) {
        return get(Areas.Kind.NETWORK, code, "Network");
    }

    @GET
    @Path("health-regions")
    @Operation(
            operationId = "listHealthRegions",
            summary = "The 4 health regions with municipality count and population")
    public Page<AreaView> healthRegions(@BeanParam @Valid PageRequest page) {
        return list(Areas.Kind.HEALTH_REGION, page);
    }

    @GET
    @Path("health-regions/{code}")
    @Operation(operationId = "getHealthRegion", summary = "One health region with its municipalities, e.g. helse-nord")
    public AreaView healthRegion(@PathParam("code") String code) {
        return get(Areas.Kind.HEALTH_REGION, code, "Health region");
    }

    private Page<AreaView> list(Areas.Kind kind, PageRequest page) {
        return Page.of(
                areas.list(kind).stream()
                        .map(a -> AreaView.of(a, areas.members(kind, a.code()), false))
                        .toList(),
                page);
    }

    private AreaView get(Areas.Kind kind, String code, String what) {
        Areas.Area area = areas.find(kind, code).orElseThrow(() -> ProblemException.notFound(what, code));
        return AreaView.of(area, areas.members(kind, code), true);
    }
}
