package no.ks.ehelse.registry.api;

import java.net.URI;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;
import no.ks.ehelse.registry.domain.Contact;

/** Contact addresses are personal data: admins and leads see all, a municipality its own, others none. */
@RequestScoped
public class ContactVisibility {

    private final Caller caller;

    ContactVisibility(Caller caller) {
        this.caller = caller;
    }

    Response created(Contact contact) {
        return Response.created(URI.create("/api/v1/contacts/" + contact.id))
                .entity(view(contact))
                .build();
    }

    ContactView view(Contact contact) {
        boolean own = caller.has(Roles.MUNICIPALITY)
                && contact.kommunenummer != null
                && contact.kommunenummer.equals(caller.kommunenummer());
        return ContactView.of(contact, caller.has(Roles.ADMIN) || caller.has(Roles.LEAD) || own);
    }
}
