package no.ks.ehelse.registry.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.ks.ehelse.platform.api.Problem;
import no.ks.ehelse.platform.api.ProblemException;

/** The vendor register: every change is stored and announced on {@code registry.vendors.v1} in one transaction. */
@ApplicationScoped
public class Vendors {

    public record Support(String solution, String product, LocalDate from) {}

    /** What may be set on a vendor; the code is given on registration and never changes. */
    public record Details(String name, VendorKind kind, List<Support> supports) {}

    private final VendorEvents events;
    private final Clock clock;

    Vendors(VendorEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PanacheQuery<Vendor> list(VendorKind kind, String solution) {
        if (solution != null && Solution.findById(solution) == null) {
            throw ProblemException.invalidField("solution", "'" + solution + "' is not a solution in the catalogue");
        }
        StringBuilder q = new StringBuilder("FROM Vendor v WHERE 1 = 1");
        Parameters params = new Parameters();
        if (kind != null) {
            q.append(" AND v.kind = :kind");
            params.and("kind", kind);
        }
        if (solution != null) {
            q.append(" AND EXISTS (SELECT 1 FROM Vendor w JOIN w.supports s"
                    + " WHERE w.code = v.code AND s.solution = :solution)");
            params.and("solution", solution);
        }
        return Vendor.find(q.toString(), Sort.by("v.code"), params);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Vendor> find(String code) {
        return Vendor.findByIdOptional(code);
    }

    @Transactional
    public Vendor register(String code, Details details) {
        if (Vendor.findById(code) != null) {
            throw ProblemException.conflict("vendor-exists", "A vendor with code '" + code + "' already exists");
        }
        Vendor vendor = new Vendor();
        vendor.code = code;
        vendor.createdAt = OffsetDateTime.now(clock);
        apply(vendor, details);
        vendor.persist();
        events.registered(vendor);
        return vendor;
    }

    @Transactional
    public Vendor change(String code, Details details) {
        Vendor vendor =
                Vendor.<Vendor>findByIdOptional(code).orElseThrow(() -> ProblemException.notFound("Vendor", code));
        apply(vendor, details);
        events.changed(vendor);
        return vendor;
    }

    /** The vendor codes as given, each a vendor in the register and none twice; else a 400 naming each. */
    static List<String> checkedReferences(String field, List<String> codes) {
        List<Problem.Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (Vendor.findById(code) == null) {
                violations.add(
                        new Problem.Violation(field + "[" + i + "]", "'" + code + "' is not a vendor in the registry"));
            } else if (!seen.add(code)) {
                violations.add(new Problem.Violation(field + "[" + i + "]", "'" + code + "' is listed twice"));
            }
        }
        failOn(violations);
        return codes;
    }

    private void apply(Vendor vendor, Details details) {
        List<Problem.Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<VendorSupport> supports = new ArrayList<>();
        for (int i = 0; i < details.supports().size(); i++) {
            Support s = details.supports().get(i);
            String product = s.product() == null ? "" : s.product().strip();
            if (Solution.findById(s.solution()) == null) {
                violations.add(new Problem.Violation(
                        "supports[" + i + "].solution", "'" + s.solution() + "' is not a solution in the catalogue"));
            } else if (!seen.add(s.solution() + "\u0000" + product)) {
                violations.add(new Problem.Violation(
                        "supports[" + i + "]",
                        "'" + s.solution() + "'" + (product.isEmpty() ? "" : " with product '" + product + "'")
                                + " is listed twice"));
            }
            supports.add(new VendorSupport(s.solution(), product, s.from()));
        }
        failOn(violations);
        vendor.name = details.name().strip();
        vendor.kind = details.kind();
        vendor.supports.clear();
        // The order the table gives back (@OrderBy), so an answer reads the same before and after a reload.
        supports.sort(
                java.util.Comparator.comparing((VendorSupport v) -> v.solution).thenComparing(v -> v.product));
        vendor.supports.addAll(supports);
        vendor.updatedAt = OffsetDateTime.now(clock);
    }

    private static void failOn(List<Problem.Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ProblemException(
                    400,
                    "validation",
                    "Invalid request",
                    violations.get(0).field() + ": " + violations.get(0).message(),
                    violations);
        }
    }
}
