package no.ks.ehelse.registry.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
    public List<AreaView> counties() {
        return list(Areas.Kind.COUNTY);
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
    public List<AreaView> networks() {
        return list(Areas.Kind.NETWORK);
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
    public List<AreaView> healthRegions() {
        return list(Areas.Kind.HEALTH_REGION);
    }

    @GET
    @Path("health-regions/{code}")
    @Operation(operationId = "getHealthRegion", summary = "One health region with its municipalities, e.g. helse-nord")
    public AreaView healthRegion(@PathParam("code") String code) {
        return get(Areas.Kind.HEALTH_REGION, code, "Health region");
    }

    private List<AreaView> list(Areas.Kind kind) {
        return areas.list(kind).stream()
                .map(a -> AreaView.of(a, areas.members(kind, a.code()), false))
                .toList();
    }

    private AreaView get(Areas.Kind kind, String code, String what) {
        Areas.Area area = areas.find(kind, code).orElseThrow(() -> ProblemException.notFound(what, code));
        return AreaView.of(area, areas.members(kind, code), true);
    }
}
