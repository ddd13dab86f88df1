package no.ks.ehelse.enrollment.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A moved registration deadline, with the reason people will be told. */
public record DeadlineRequest(
        @NotNull(message = "is required") LocalDate registrationDeadline,

        @Size(max = 1000, message = "must be at most 1000 characters")
        String reason) {}
