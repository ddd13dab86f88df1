package no.ks.ehelse.registry.api;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import no.ks.ehelse.registry.domain.Contact;
import no.ks.ehelse.registry.domain.ContactRole;

/** A contact; e-mail and phone only for callers allowed to see them (see {@link ContactVisibility}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactView(
        UUID id, String kommunenummer, String network, ContactRole role, String name, String email, String phone) {

    static ContactView of(Contact c, boolean withAddress) {
        return new ContactView(
                c.id,
                c.kommunenummer,
                c.network,
                c.role,
                c.name,
                withAddress ? c.email : null,
                withAddress ? c.phone : null);
    }
}
