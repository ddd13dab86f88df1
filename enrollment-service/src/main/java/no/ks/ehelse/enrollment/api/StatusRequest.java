package no.ks.ehelse.enrollment.api;

import jakarta.validation.constraints.NotNull;
import no.ks.ehelse.enrollment.domain.TrackStatus;

public record StatusRequest(
        @NotNull(message = "is required") TrackStatus status) {}
