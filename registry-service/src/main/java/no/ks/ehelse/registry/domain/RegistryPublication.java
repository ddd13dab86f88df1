package no.ks.ehelse.registry.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Puts the registry's whole state on its compacted topics: once on the first start (the reference data comes
 * from migrations, not from API calls, so nothing else would announce it; a migration that adds to what the events
 * carry clears {@code registry_publication} so the next start announces it all again), and again when an admin asks, e.g.
 * after a topic was lost or a new consumer wants a fresh start.
 */
@ApplicationScoped
public class RegistryPublication {

    private static final Logger LOG = Logger.getLogger(RegistryPublication.class);

    public record Summary(int municipalities, int solutions, int contactLists, int vendors, int hostArrangements) {}

    private final EntityManager em;
    private final MunicipalityRegistry registry;
    private final MunicipalityEvents municipalityEvents;
    private final SolutionEvents solutionEvents;
    private final ContactEvents contactEvents;
    private final VendorEvents vendorEvents;
    private final HostArrangementEvents arrangementEvents;
    private final Clock clock;

    RegistryPublication(
            EntityManager em,
            MunicipalityRegistry registry,
            MunicipalityEvents municipalityEvents,
            SolutionEvents solutionEvents,
            ContactEvents contactEvents,
            VendorEvents vendorEvents,
            HostArrangementEvents arrangementEvents,
            Clock clock) {
        this.em = em;
        this.registry = registry;
        this.municipalityEvents = municipalityEvents;
        this.solutionEvents = solutionEvents;
        this.contactEvents = contactEvents;
        this.vendorEvents = vendorEvents;
        this.arrangementEvents = arrangementEvents;
        this.clock = clock;
    }

    @Transactional
    void onStart(@Observes StartupEvent startup) {
        // The row lock makes one replica publish; the others wait, then see it done.
        Object publishedAt = em.createNativeQuery(
                        "SELECT published_at FROM registry_publication WHERE id = 1 FOR UPDATE")
                .getSingleResult();
        if (publishedAt == null) {
            Summary summary = publishAll();
            em.createNativeQuery("UPDATE registry_publication SET published_at = :now WHERE id = 1")
                    .setParameter("now", OffsetDateTime.now(clock))
                    .executeUpdate();
            LOG.infof(
                    "First start: announced %d municipalities, %d solutions, %d contact lists, %d vendors and %d host"
                            + " arrangements",
                    summary.municipalities(),
                    summary.solutions(),
                    summary.contactLists(),
                    summary.vendors(),
                    summary.hostArrangements());
        }
    }

    @Transactional
    public Summary publishAll() {
        SuccessionGraph graph = registry.graph();
        List<Municipality> all = graph.municipalities().values().stream()
                .sorted((a, b) -> a.kommunenummer.compareTo(b.kommunenummer))
                .toList();
        for (Municipality m : all) {
            municipalityEvents.publish(MunicipalityEvents.REGISTERED, registry.state(m, graph));
        }
        List<Solution> solutions = Solution.listAll();
        solutions.forEach(solutionEvents::published);
        List<Contact> contacts = Contact.listAll();
        Map<String, List<Contact>> byMunicipality = contacts.stream()
                .filter(c -> c.kommunenummer != null)
                .collect(Collectors.groupingBy(c -> c.kommunenummer));
        Map<String, List<Contact>> byNetwork =
                contacts.stream().filter(c -> c.network != null).collect(Collectors.groupingBy(c -> c.network));
        byMunicipality.forEach((number, list) -> contactEvents.changed(number, null, list));
        byNetwork.forEach((network, list) -> contactEvents.changed(null, network, list));
        List<Vendor> vendors = Vendor.listAll();
        vendors.forEach(vendorEvents::registered);
        List<HostArrangement> arrangements = HostArrangement.listAll();
        for (HostArrangement a : arrangements) {
            // An ended arrangement is announced as ended again, so a rebuilt projection keeps it as history.
            arrangementEvents.publish(
                    a.endReason != null ? HostArrangementEvents.ENDED : HostArrangementEvents.REGISTERED, a);
        }
        return new Summary(
                all.size(),
                solutions.size(),
                byMunicipality.size() + byNetwork.size(),
                vendors.size(),
                arrangements.size());
    }
}
