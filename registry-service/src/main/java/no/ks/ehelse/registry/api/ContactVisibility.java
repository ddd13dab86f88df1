package no.ks.ehelse.registry.api;

import java.net.URI;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;
import no.ks.ehelse.registry.domain.Contact;

/**
 * Contact addresses are personal data (docs/security.md): admins see all; a municipality its own; a lead the
 * addresses of Diginettverk contacts (the networks' coordinators, whom leads work with) but not a municipality's,
 * since the registry does not know which municipalities are enrolled in the lead's tracks (it consumes no
 * enrollment events); a network those of its own municipalities and its own network contacts; others none.
 */
@RequestScoped
public class ContactVisibility {

    private final Caller caller;
    private final NetworkScope networkScope;

    ContactVisibility(Caller caller, NetworkScope networkScope) {
        this.caller = caller;
        this.networkScope = networkScope;
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
        boolean networkContactForLead = caller.has(Roles.LEAD) && contact.kommunenummer == null;
        boolean ofOwnNetwork = contact.kommunenummer != null
                ? networkScope.covers(contact.kommunenummer)
                : networkScope.isOwn(contact.network);
        return ContactView.of(contact, caller.has(Roles.ADMIN) || networkContactForLead || own || ofOwnNetwork);
    }
}
