package no.ks.ehelse.enrollment.messaging;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.enrollment.domain.ContactRoles;
import no.ks.ehelse.platform.events.CloudEvent;
import no.ks.ehelse.platform.events.Consumption;
import no.ks.ehelse.platform.events.EventFields;
import no.ks.ehelse.platform.events.Intake;
import no.ks.ehelse.platform.events.PoisonCategory;
import no.ks.ehelse.platform.events.PoisonRecordException;

/**
 * Projects which contact roles each municipality has (registry.contacts.v1 carries the whole list of one
 * municipality or one network, so it is an upsert). A network's own list is not a municipality's and is skipped.
 */
@ApplicationScoped
public class ContactsConsumer {

    private static final Intake CONTACTS = Intake.types(
            "enrollment-service.contacts", "registry.contacts.v1", Set.of("no.ks.ehelse.contacts.changed.v1"));

    private final Consumption consumption;
    private final Clock clock;

    ContactsConsumer(Consumption consumption, Clock clock) {
        this.consumption = consumption;
        this.clock = clock;
    }

    @Incoming("registry-contacts")
    @Blocking
    public void consume(String value) {
        consumption.consume(value, CONTACTS, this::apply);
    }

    private void apply(CloudEvent event) {
        EventFields data = event.fields();
        String kommunenummer = data.optionalText("kommunenummer");
        if (kommunenummer == null) {
            data.text("network");
            return;
        }
        if (!data.has("contacts")) {
            // An absent list is not an empty one: taking it for one would put the municipality on the worklist.
            throw new PoisonRecordException(PoisonCategory.MISSING_FIELD, "field 'contacts' is required");
        }
        List<EventFields> contacts = data.objects("contacts");
        List<String> roles =
                contacts.stream().map(c -> c.text("role")).distinct().sorted().toList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime changed = event.time() == null ? now : event.time();
        ContactRoles held = ContactRoles.findById(kommunenummer);
        if (held == null) {
            held = new ContactRoles();
            held.kommunenummer = kommunenummer;
            held.since = changed;
        } else if (!held.roles.equals(roles)) {
            held.since = changed;
        }
        held.roles = roles;
        held.contacts = contacts.size();
        held.updatedAt = now;
        held.persist();
    }
}
