package no.ks.ehelse.registry.api;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Ending a host arrangement: its last day and why. */
@Schema(name = "HostArrangementEndRequest", example = """
        {"validTo": "2026-12-31", "reason": "Samarbeidet er avviklet etter vedtak i kommunestyrene"}""")
public record HostArrangementEndRequest(
        @NotNull(message = "is required") LocalDate validTo,

        @NotBlank(message = "is required") @Size(max = 1000, message = "must be at most 1000 characters")
        String reason) {}
