package no.ks.ehelse.registry.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import no.ks.ehelse.registry.domain.Vendor;
import no.ks.ehelse.registry.domain.VendorKind;

public record VendorView(String code, String name, VendorKind kind, List<Support> supports, OffsetDateTime updatedAt) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Support(String solution, String product, LocalDate from) {}

    static VendorView of(Vendor v) {
        return new VendorView(
                v.code,
                v.name,
                v.kind,
                v.supports.stream()
                        .map(s -> new Support(s.solution, s.product.isEmpty() ? null : s.product, s.from))
                        .toList(),
                v.updatedAt);
    }
}
