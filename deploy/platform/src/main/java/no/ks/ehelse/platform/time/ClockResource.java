package no.ks.ehelse.platform.time;

import java.time.Instant;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Roles;

/**
 * A test hook: moves this instance's clock so suite tests can pass deadlines without waiting for them. It
 * answers 404 unless {@code ehelse.clock.adjustable=true}, which production configuration never sets.
 */
@Path("/api/v1/admin/clock")
@Tag(name = "Admin")
@RolesAllowed(Roles.ADMIN)
public class ClockResource {

    private static final Logger LOG = Logger.getLogger(ClockResource.class);

    public record ClockSetting(
            @NotNull(message = "is required") Instant now) {}

    private final AdjustableClock clock;
    private final boolean adjustable;

    ClockResource(
            AdjustableClock clock,
            @ConfigProperty(name = "ehelse.clock.adjustable", defaultValue = "false") boolean adjustable) {
        this.clock = clock;
        this.adjustable = adjustable;
    }

    @PUT
    @Operation(summary = "Test hook, off in production: set this instance's clock", hidden = true)
    public ClockSetting set(@NotNull(message = "a body is required") @Valid ClockSetting setting) {
        if (!adjustable) {
            throw new ProblemException(404, "not-found", "Not found", "The clock is not adjustable here");
        }
        clock.setNow(setting.now());
        LOG.warnf("Clock moved to %s by a test hook", setting.now());
        return new ClockSetting(clock.instant());
    }
}
