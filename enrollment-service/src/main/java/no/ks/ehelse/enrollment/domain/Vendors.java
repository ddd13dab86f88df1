package no.ks.ehelse.enrollment.domain;

import java.util.List;

import io.quarkus.panache.common.Sort;
import no.ks.ehelse.platform.api.ProblemException;

/**
 * Vendor-scoped tracks: a track's vendor is a code of the registry's vendors, and only a municipality the registry
 * gives that vendor may join it. A municipality with no vendor in the registry does not pass: the network or KS
 * records the vendor first, so that a track per vendor is not filled with municipalities on another system.
 */
public final class Vendors {

    private Vendors() {}

    /** The vendor code, or null for none; an unknown code is a 400 naming {@code vendor} and the known codes. */
    static String requireKnown(String vendor) {
        if (vendor == null || vendor.isBlank()) {
            return null;
        }
        String code = vendor.strip();
        if (VendorProjection.findById(code) == null) {
            List<String> known = VendorProjection.<VendorProjection>listAll(Sort.by("code")).stream()
                    .map(v -> v.code)
                    .toList();
            throw ProblemException.invalidField(
                            "vendor",
                            known.isEmpty()
                                    ? "is not a vendor code of the registry (no vendors are known yet)"
                                    : "must be a vendor code of the registry: " + String.join(", ", known))
                    .with("allowed", known);
        }
        return code;
    }

    /** Whether the municipality may join the track as far as vendors go. */
    public static boolean allows(Track track, MunicipalityProjection municipality) {
        return track.vendor == null || municipality.vendors.contains(track.vendor);
    }

    static void requireVendorOf(Track track, MunicipalityProjection municipality) {
        if (!allows(track, municipality)) {
            throw ProblemException.conflict(
                            "vendor-mismatch",
                            track.name + " is for municipalities with vendor " + track.vendor + "; the registry gives "
                                    + municipality.name + " (" + municipality.kommunenummer + ") "
                                    + (municipality.vendors.isEmpty()
                                            ? "no vendor"
                                            : String.join(", ", municipality.vendors)))
                    .with("vendor", track.vendor)
                    .with("vendors", municipality.vendors);
        }
    }

    /** The vendor's name as the registry has it, or the code when the vendor is not (yet) projected. */
    public static String name(String code) {
        if (code == null) {
            return null;
        }
        VendorProjection vendor = VendorProjection.findById(code);
        return vendor == null ? code : vendor.name;
    }
}
