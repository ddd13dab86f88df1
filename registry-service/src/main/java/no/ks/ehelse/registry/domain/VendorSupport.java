package no.ks.ehelse.registry.domain;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A vendor's product supports a solution from a day (a future day: announced, not there yet). */
@Embeddable
public class VendorSupport {

    @Column(nullable = false)
    public String solution;

    /** The product's name, or '' when the vendor names none. */
    @Column(nullable = false)
    public String product;

    @Column(name = "supported_from", nullable = false)
    public LocalDate from;

    public VendorSupport() {}

    public VendorSupport(String solution, String product, LocalDate from) {
        this.solution = solution;
        this.product = product == null ? "" : product;
        this.from = from;
    }
}
