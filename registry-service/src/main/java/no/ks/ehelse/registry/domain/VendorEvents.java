package no.ks.ehelse.registry.domain;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.platform.events.Outbox;

/**
 * Vendor events on {@code registry.vendors.v1}, keyed by vendor code. The topic is compacted and every event carries
 * the whole vendor with the solutions its products support, so a consumer that starts later rebuilds the list.
 */
@ApplicationScoped
public class VendorEvents {

    public static final String TOPIC = "registry.vendors.v1";
    public static final String REGISTERED = "no.ks.ehelse.vendor.registered.v1";
    public static final String CHANGED = "no.ks.ehelse.vendor.changed.v1";

    public record Support(String solution, String product, LocalDate from) {}

    public record VendorState(String code, String name, VendorKind kind, List<Support> supports) {

        static VendorState of(Vendor v) {
            return new VendorState(
                    v.code,
                    v.name,
                    v.kind,
                    v.supports.stream()
                            .map(s -> new Support(s.solution, s.product.isEmpty() ? null : s.product, s.from))
                            .toList());
        }
    }

    private final Outbox outbox;

    VendorEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void registered(Vendor vendor) {
        outbox.publish(TOPIC, vendor.code, REGISTERED, vendor.code, VendorState.of(vendor));
    }

    public void changed(Vendor vendor) {
        outbox.publish(TOPIC, vendor.code, CHANGED, vendor.code, VendorState.of(vendor));
    }
}
