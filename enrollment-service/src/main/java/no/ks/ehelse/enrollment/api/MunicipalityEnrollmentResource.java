package no.ks.ehelse.enrollment.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import no.ks.ehelse.enrollment.domain.EnrollmentQueries;
import no.ks.ehelse.platform.api.Page;
import no.ks.ehelse.platform.api.PageRequest;
import no.ks.ehelse.platform.security.Caller;

@Path("/api/v1/municipalities/{kommunenummer}/enrollments")
@Tag(name = "Enrollments")
@Authenticated
public class MunicipalityEnrollmentResource {

    private final EnrollmentQueries queries;
    private final Caller caller;

    MunicipalityEnrollmentResource(EnrollmentQueries queries, Caller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @Operation(
            operationId = "listMunicipalityEnrollments",
            summary = "A municipality's enrollments in every track, newest first")
    public Page<EnrollmentSummary> list(
            @PathParam("kommunenummer") String kommunenummer, @BeanParam @Valid PageRequest page) {
        return Page.of(queries.ofMunicipality(kommunenummer, caller), page, EnrollmentSummary::of);
    }
}
