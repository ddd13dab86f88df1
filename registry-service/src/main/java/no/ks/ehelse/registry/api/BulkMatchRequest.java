package no.ks.ehelse.registry.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A list of names as they came (e.g. from a sign-up spreadsheet), optionally narrowed to a county or network. */
@Schema(example = """
        {"names": ["Nord Fron", "Sør Varanger", "Gáivuotna - Kåfjord - Kaivuono", "Våler", "Kristiansan"]}""")
public record BulkMatchRequest(
        @NotEmpty(message = "must contain at least one name")
        @Size(max = 5000, message = "at most 5000 names per request")
        List<@NotNull(message = "must not be null") @Size(max = 200, message = "must be at most 200 characters") String>
                names,

        @Pattern(regexp = "[0-9]{2}", message = "must be a 2-digit fylkesnummer")
        String county,

        @Size(max = 60, message = "must be at most 60 characters")
        String network) {}
