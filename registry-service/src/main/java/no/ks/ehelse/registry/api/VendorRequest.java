package no.ks.ehelse.registry.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.ks.ehelse.registry.domain.VendorKind;
import no.ks.ehelse.registry.domain.Vendors;

/** A vendor as an admin registers or replaces it, with the solutions its products support and from when. */
@Schema(name = "VendorRequest", example = """
        {"code": "visma", "name": "Visma", "kind": "EPJ",
         "supports": [{"solution": "digihelsestasjon", "product": "HsPro", "from": "2024-09-10"}]}""")
public record VendorRequest(
        @NotBlank(message = "is required")
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be a lower-case slug such as 'visma'")
        @Size(max = 40, message = "must be at most 40 characters")
        String code,

        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
        String name,

        @NotNull(message = "is required") VendorKind kind,

        @Schema(description = "The solutions the vendor's products support; omitted: none")
        @Size(max = 100, message = "must list at most 100 solutions")
        List<@NotNull(message = "must not be null") @Valid SupportRequest> supports) {

    /** One solution a product supports, from a day (a future day: announced). */
    public record SupportRequest(
            @NotBlank(message = "is required") @Size(max = 40, message = "must be at most 40 characters")
            String solution,

            @Size(max = 200, message = "must be at most 200 characters")
            String product,

            @NotNull(message = "is required") LocalDate from) {}

    Vendors.Details details() {
        return new Vendors.Details(
                name,
                kind,
                supports == null
                        ? List.of()
                        : supports.stream()
                                .map(s -> new Vendors.Support(s.solution(), s.product(), s.from()))
                                .toList());
    }
}
