package no.ks.ehelse.notification.messaging;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.notification.domain.ContactProjection;
import no.ks.ehelse.notification.domain.Language;
import no.ks.ehelse.notification.domain.MunicipalityProjection;
import no.ks.ehelse.notification.domain.Notifier;
import no.ks.ehelse.notification.domain.SolutionProjection;
import no.ks.ehelse.platform.events.CloudEvent;
import no.ks.ehelse.platform.events.Consumption;
import no.ks.ehelse.platform.events.EventFields;
import no.ks.ehelse.platform.events.Intake;
import no.ks.ehelse.platform.events.PoisonCategory;
import no.ks.ehelse.platform.events.PoisonRecordException;

/**
 * The registry's municipalities and contacts (compacted topics, whole state per key): who is who, and where to
 * write. Subscribers to registry event types are told as well.
 */
@ApplicationScoped
public class RegistryConsumer {

    static final String MUNICIPALITIES = "notification-service.municipalities";
    static final String CONTACTS = "notification-service.contacts";
    static final String SOLUTIONS = "notification-service.solutions";

    private static final Intake MUNICIPALITY_EVENTS =
            Intake.prefix(MUNICIPALITIES, "registry.municipalities.v1", "no.ks.ehelse.municipality.");
    private static final Intake CONTACT_EVENTS =
            Intake.prefix(CONTACTS, "registry.contacts.v1", "no.ks.ehelse.contacts.");
    private static final Intake SOLUTION_EVENTS =
            Intake.prefix(SOLUTIONS, "registry.solutions.v1", "no.ks.ehelse.solution.");

    private final Consumption consumption;
    private final Notifier notifier;
    private final Clock clock;

    RegistryConsumer(Consumption consumption, Notifier notifier, Clock clock) {
        this.consumption = consumption;
        this.notifier = notifier;
        this.clock = clock;
    }

    @Incoming("registry-municipalities")
    @Blocking
    public void municipality(String value) {
        consumption.consume(value, MUNICIPALITY_EVENTS, this::municipality);
    }

    @Incoming("registry-contacts")
    @Blocking
    public void contacts(String value) {
        consumption.consume(value, CONTACT_EVENTS, this::contacts);
    }

    @Incoming("registry-solutions")
    @Blocking
    public void solution(String value) {
        consumption.consume(value, SOLUTION_EVENTS, this::solution);
    }

    /** Only the name: messages say "DigiHelse", not "digihelse". Nobody is told about a solution as such. */
    private void solution(CloudEvent event) {
        String code = event.text("code");
        SolutionProjection s = SolutionProjection.findById(code);
        if (s == null) {
            s = new SolutionProjection();
            s.code = code;
        }
        s.name = event.text("name");
        s.updatedAt = OffsetDateTime.now(clock);
        s.persist();
    }

    private void municipality(CloudEvent event) {
        String number = event.text("kommunenummer");
        MunicipalityProjection m = MunicipalityProjection.findById(number);
        if (m == null) {
            m = new MunicipalityProjection();
            m.kommunenummer = number;
        }
        m.name = event.text("name");
        m.network = event.optionalText("network");
        String vendor = event.optionalText("epjVendor");
        m.epjVendor = vendor == null ? null : vendor.strip();
        m.vendors = event.fields().texts("vendors");
        m.validTo = event.optionalDate("validTo");
        // Absent in events from before the registry had it: bokmål, as the registry itself defaults.
        m.language = event.data().hasNonNull("language")
                ? event.fields().enumValue("language", Language.class)
                : Language.BOKMAL;
        m.updatedAt = OffsetDateTime.now(clock);
        m.persist();
        notifier.plan(event);
    }

    /** The whole list of one municipality's or one network's contacts replaces the one known before. */
    private void contacts(CloudEvent event) {
        String kommunenummer = event.optionalText("kommunenummer");
        String network = event.optionalText("network");
        if ((kommunenummer == null) == (network == null)) {
            throw new PoisonRecordException(
                    PoisonCategory.INVALID_VALUE, "exactly one of 'kommunenummer' and 'network' must be set");
        }
        if (!event.data().path("contacts").isArray()) {
            throw new PoisonRecordException(PoisonCategory.INVALID_VALUE, "'contacts' must be an array");
        }
        List<EventFields> contacts = event.fields().objects("contacts");
        for (EventFields c : contacts) {
            if (c.optionalText("role") == null || c.optionalText("email") == null) {
                throw new PoisonRecordException(PoisonCategory.MISSING_FIELD, "every contact needs 'role' and 'email'");
            }
        }
        if (kommunenummer != null) {
            ContactProjection.delete("kommunenummer", kommunenummer);
        } else {
            ContactProjection.delete("network", network);
        }
        for (EventFields c : contacts) {
            ContactProjection contact = new ContactProjection();
            contact.kommunenummer = kommunenummer;
            contact.network = network;
            contact.role = c.optionalText("role");
            contact.name = c.optionalText("name");
            contact.email = c.optionalText("email").strip().toLowerCase(Locale.ROOT);
            contact.persist();
        }
        notifier.plan(event);
    }
}
