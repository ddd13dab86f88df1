package no.ks.ehelse.adoption.api;

import java.time.YearMonth;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import no.ks.ehelse.adoption.domain.AdoptionLevel;
import no.ks.ehelse.adoption.domain.AdoptionQueries;
import no.ks.ehelse.adoption.domain.Figures;
import no.ks.ehelse.adoption.domain.Forecasts;

@Path("/api/v1/adoption/{solution}")
@Tag(name = "Progress", description = "Coverage over time and when the solution is projected to be adopted")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ProgressResource {

    private static final String MONTH = "[0-9]{4}-(0[1-9]|1[0-2])";
    private static final String MONTH_MESSAGE = "must be a month such as 2023-01";

    /** The levels a series can count; a municipality at a later level counts too (ACTIVE was made available). */
    public enum CountedLevel {
        ORDERED,
        TECHNICALLY_READY,
        ACTIVE
    }

    private final Figures figures;
    private final Forecasts forecasts;

    ProgressResource(Figures figures, Forecasts forecasts) {
        this.figures = figures;
        this.forecasts = forecasts;
    }

    @GET
    @Path("coverage/series")
    @Operation(
            operationId = "getCoverageSeries",
            summary = "Coverage per month from the status history, each month as of its last day (today for the current"
                    + " month), counting the municipalities valid then; at most " + Figures.MAX_MONTHS
                    + " months, as known at a moment")
    public Figures.Series series(
            @PathParam("solution") String solution,
            @Parameter(description = "the first month, e.g. 2023-01")
                    @QueryParam("from")
                    @NotBlank(message = "is required")
                    @Pattern(regexp = MONTH, message = MONTH_MESSAGE)
                    String from,
            @Parameter(description = "the last month, at most the current one (default: the current month)")
                    @QueryParam("to")
                    @Pattern(regexp = MONTH, message = MONTH_MESSAGE)
                    String to,
            @Parameter(description = "NATION, HEALTH_REGION, COUNTY or NETWORK")
                    @QueryParam("groupBy")
                    @DefaultValue("NATION")
                    AdoptionQueries.GroupBy groupBy,
            @Parameter(
                            description =
                                    "the level counted as reached: ACTIVE, TECHNICALLY_READY ('made available', ACTIVE counts too) or ORDERED")
                    @QueryParam("level")
                    @DefaultValue("ACTIVE")
                    CountedLevel level,
            @Parameter(description = KnownAt.DESCRIPTION) @QueryParam("knownAt") String knownAt) {
        return figures.series(
                solution,
                YearMonth.parse(from),
                to == null ? null : YearMonth.parse(to),
                groupBy,
                AdoptionLevel.valueOf(level.name()),
                KnownAt.parse(knownAt));
    }

    @GET
    @Path("forecast")
    @Operation(
            operationId = "getForecast",
            summary =
                    "When the year's national ambition, the enrolled municipalities and all municipalities are projected"
                            + " to be reached, from the pace of the last complete months (trend with a low-high range)")
    public Forecasts.Forecast forecast(
            @PathParam("solution") String solution,
            @Parameter(description = KnownAt.DESCRIPTION) @QueryParam("knownAt") String knownAt) {
        return forecasts.of(solution, KnownAt.parse(knownAt));
    }
}
