package no.ks.ehelse.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.ks.ehelse.registry.domain.ContactDirectory;
import no.ks.ehelse.registry.domain.ContactRole;

/** A contact by role. Prefer role addresses (postmottak@, ehelse@) to personal ones. */
@Schema(example = """
        {"role": "EHEALTH_CONTACT", "name": "Kontaktperson e-helse", "email": "ehelse@kommune.example",
         "phone": "+47 00 00 00 00"}""")
public record ContactRequest(
        @NotNull(message = "is required") ContactRole role,

        @Size(max = 200, message = "must be at most 200 characters")
        String name,

        @NotBlank(message = "is required")
        @Email(message = "must be an e-mail address")
        @Size(max = 254, message = "must be at most 254 characters")
        String email,

        @Pattern(regexp = "\\+?[0-9 ]{5,20}", message = "must be a phone number such as +47 22 00 00 00")
        String phone) {

    ContactDirectory.Details details() {
        return new ContactDirectory.Details(role, name, email, phone);
    }
}
