package no.ks.ehelse.adoption.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(example = """
        {"target": 356, "note": "Alle kommuner skal ha tatt i bruk kjernejournal i sykehjem og hjemmetjenesten"}""")
public record AmbitionRequest(
        @NotNull(message = "is required") @Min(value = 0, message = "must be 0 or more")
        Integer target,

        @Size(max = 1000, message = "must be at most 1000 characters")
        String note) {}
