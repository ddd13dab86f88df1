package no.ks.ehelse.enrollment.messaging;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.enrollment.domain.VendorProjection;
import no.ks.ehelse.platform.events.CloudEvent;
import no.ks.ehelse.platform.events.Consumption;
import no.ks.ehelse.platform.events.EventFields;
import no.ks.ehelse.platform.events.Intake;
import no.ks.ehelse.platform.events.PoisonCategory;
import no.ks.ehelse.platform.events.PoisonRecordException;

/** Projects the registry's vendors; every event carries the whole vendor, so it is an upsert. */
@ApplicationScoped
public class VendorConsumer {

    private static final Intake VENDORS = Intake.types(
            "enrollment-service.vendors",
            "registry.vendors.v1",
            Set.of("no.ks.ehelse.vendor.registered.v1", "no.ks.ehelse.vendor.changed.v1"));
    private static final Set<String> KINDS = Set.of("EPJ", "WELFARE_TECHNOLOGY");

    private final Consumption consumption;
    private final Clock clock;

    VendorConsumer(Consumption consumption, Clock clock) {
        this.consumption = consumption;
        this.clock = clock;
    }

    @Incoming("registry-vendors")
    @Blocking
    public void consume(String value) {
        consumption.consume(value, VENDORS, this::apply);
    }

    private void apply(CloudEvent event) {
        EventFields data = event.fields();
        String code = data.text("code");
        String kind = data.text("kind");
        if (!KINDS.contains(kind)) {
            throw new PoisonRecordException(PoisonCategory.INVALID_VALUE, "kind must be EPJ or WELFARE_TECHNOLOGY");
        }
        if (!data.has("supports")) {
            throw new PoisonRecordException(PoisonCategory.MISSING_FIELD, "field 'supports' is required");
        }
        VendorProjection vendor = VendorProjection.findById(code);
        if (vendor == null) {
            vendor = new VendorProjection();
            vendor.code = code;
        }
        vendor.name = data.text("name");
        vendor.kind = kind;
        vendor.supports = data.objects("supports").stream()
                .map(s -> new VendorProjection.Support(s.text("solution"), s.optionalText("product"), s.date("from")))
                .toList();
        vendor.updatedAt = OffsetDateTime.now(clock);
        vendor.persist();
    }
}
