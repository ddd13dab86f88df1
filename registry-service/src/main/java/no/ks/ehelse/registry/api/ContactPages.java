package no.ks.ehelse.registry.api;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;
import no.ks.ehelse.platform.web.FormErrors;
import no.ks.ehelse.platform.web.PageNotice;
import no.ks.ehelse.registry.domain.Contact;
import no.ks.ehelse.registry.domain.ContactDirectory;
import no.ks.ehelse.registry.domain.ContactRole;
import no.ks.ehelse.registry.domain.MunicipalityRegistry;

/**
 * The municipality's own contacts page: its contacts by role, and forms to add, change and remove them. Admins, leads
 * and readers may look (addresses as {@link ContactVisibility} allows); the municipality itself and admins may change
 * them; its network (the network role of the municipality's Diginettverk) may look, add and correct, as through the
 * API, but not remove. Changes go through {@link ContactDirectory}, so {@code contacts.changed} is announced as from the API.
 */
@Path("/kontakter/{kommunenummer}")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ContactPages {

    // What the page says after a change (POST, then 303 to the page with ?melding=).
    static final PageNotice ADDED = new PageNotice("lagt-til", "Kontakten er lagt til.");
    static final PageNotice CHANGED = new PageNotice("endret", "Endringen er lagret.");
    static final PageNotice REMOVED = new PageNotice("fjernet", "Kontakten er fjernet.");

    public record RoleGroup(ContactRole role, List<ContactView> contacts) {}

    public record ContactsPage(
            String kommunenummer,
            String municipality,
            List<RoleGroup> roles,
            boolean mayEdit,
            boolean mayRemove,
            String notice,
            List<ContactRole> allRoles,
            ContactForm form,
            FormErrors errors) {

        public boolean hasContacts() {
            return roles.stream().anyMatch(g -> !g.contacts().isEmpty());
        }

        /** The roles nobody has yet, so the municipality sees what is missing. */
        public List<ContactRole> missing() {
            return roles.stream()
                    .filter(g -> g.contacts().isEmpty())
                    .map(RoleGroup::role)
                    .toList();
        }
    }

    public record EditPage(
            String kommunenummer,
            String municipality,
            UUID id,
            List<ContactRole> allRoles,
            ContactForm form,
            FormErrors errors) {}

    public record RemovePage(String kommunenummer, String municipality, ContactView contact) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(ContactsPage page);

        static native TemplateInstance edit(EditPage page);

        static native TemplateInstance remove(RemovePage page);
    }

    private final ContactDirectory directory;
    private final MunicipalityRegistry registry;
    private final ContactVisibility visibility;
    private final Caller caller;
    private final NetworkScope networkScope;
    private final Validator validator;

    ContactPages(
            ContactDirectory directory,
            MunicipalityRegistry registry,
            ContactVisibility visibility,
            Caller caller,
            NetworkScope networkScope,
            Validator validator) {
        this.directory = directory;
        this.registry = registry;
        this.visibility = visibility;
        this.caller = caller;
        this.networkScope = networkScope;
        this.validator = validator;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance page(
            @PathParam("kommunenummer") String kommunenummer, @QueryParam("melding") String notice) {
        mayRead(kommunenummer);
        return list(
                kommunenummer,
                PageNotice.textOf(notice, ADDED, CHANGED, REMOVED),
                ContactForm.empty(),
                FormErrors.none());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response add(@PathParam("kommunenummer") String kommunenummer, @BeanParam ContactForm form) {
        mayEdit(kommunenummer);
        FormErrors errors = form.errors(validator);
        if (errors.any()) {
            return Response.status(400)
                    .entity(list(kommunenummer, null, form, errors))
                    .build();
        }
        directory.addToMunicipality(kommunenummer, form.request().details());
        return backToList(kommunenummer, ADDED);
    }

    @GET
    @Path("{id}/endre")
    @Operation(hidden = true)
    public TemplateInstance editForm(@PathParam("kommunenummer") String kommunenummer, @PathParam("id") UUID id) {
        mayEdit(kommunenummer);
        Contact contact = ownContact(kommunenummer, id);
        return edit(kommunenummer, id, ContactForm.of(contact), FormErrors.none());
    }

    @POST
    @Path("{id}/endre")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response update(
            @PathParam("kommunenummer") String kommunenummer, @PathParam("id") UUID id, @BeanParam ContactForm form) {
        mayEdit(kommunenummer);
        ownContact(kommunenummer, id);
        FormErrors errors = form.errors(validator);
        if (errors.any()) {
            return Response.status(400)
                    .entity(edit(kommunenummer, id, form, errors))
                    .build();
        }
        directory.update(id, form.request().details());
        return backToList(kommunenummer, CHANGED);
    }

    @GET
    @Path("{id}/fjern")
    @Operation(hidden = true)
    public TemplateInstance confirmRemoval(@PathParam("kommunenummer") String kommunenummer, @PathParam("id") UUID id) {
        mayRemove(kommunenummer);
        Contact contact = ownContact(kommunenummer, id);
        return Templates.remove(new RemovePage(kommunenummer, name(kommunenummer), visibility.view(contact)));
    }

    @POST
    @Path("{id}/fjern")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response remove(@PathParam("kommunenummer") String kommunenummer, @PathParam("id") UUID id) {
        mayRemove(kommunenummer);
        ownContact(kommunenummer, id);
        directory.remove(id);
        return backToList(kommunenummer, REMOVED);
    }

    private TemplateInstance list(String kommunenummer, String notice, ContactForm form, FormErrors errors) {
        List<ContactView> contacts = directory.ofMunicipality(kommunenummer).stream()
                .map(visibility::view)
                .toList();
        List<RoleGroup> roles = Arrays.stream(ContactRole.values())
                .map(role -> new RoleGroup(
                        role, contacts.stream().filter(c -> c.role() == role).toList()))
                .toList();
        return Templates.list(new ContactsPage(
                kommunenummer,
                name(kommunenummer),
                roles,
                mayChange(kommunenummer),
                mayRemoveAny(kommunenummer),
                notice,
                List.of(ContactRole.values()),
                form,
                errors));
    }

    private TemplateInstance edit(String kommunenummer, UUID id, ContactForm form, FormErrors errors) {
        return Templates.edit(
                new EditPage(kommunenummer, name(kommunenummer), id, List.of(ContactRole.values()), form, errors));
    }

    private String name(String kommunenummer) {
        return registry.find(kommunenummer)
                .map(m -> m.name)
                .orElseThrow(() -> ProblemException.notFound("Municipality", kommunenummer));
    }

    /** A contact of this municipality; another's (or none) is not found here, whoever asks. */
    private Contact ownContact(String kommunenummer, UUID id) {
        Contact contact = directory.find(id);
        if (!kommunenummer.equals(contact.kommunenummer)) {
            throw ProblemException.notFound("Contact", id.toString());
        }
        return contact;
    }

    private static Response backToList(String kommunenummer, PageNotice notice) {
        return Response.seeOther(URI.create("/kontakter/" + kommunenummer + "?melding=" + notice.param()))
                .build();
    }

    private boolean own(String kommunenummer) {
        return caller.has(Roles.MUNICIPALITY) && kommunenummer.equals(caller.kommunenummer());
    }

    private boolean mayChange(String kommunenummer) {
        return mayRemoveAny(kommunenummer) || networkScope.covers(kommunenummer);
    }

    private boolean mayRemoveAny(String kommunenummer) {
        return caller.has(Roles.ADMIN) || own(kommunenummer);
    }

    private void mayRead(String kommunenummer) {
        if (!(caller.has(Roles.ADMIN)
                || caller.has(Roles.LEAD)
                || caller.has(Roles.READER)
                || own(kommunenummer)
                || networkScope.covers(kommunenummer))) {
            throw forbidden(
                    "Only the municipality itself, its network, admins, leads and readers may see its contacts");
        }
    }

    private void mayEdit(String kommunenummer) {
        if (!mayChange(kommunenummer)) {
            throw forbidden("Only the municipality itself, its network or an admin may change its contacts");
        }
    }

    private void mayRemove(String kommunenummer) {
        if (!mayRemoveAny(kommunenummer)) {
            throw forbidden("Only the municipality itself or an admin may remove its contacts");
        }
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }
}
