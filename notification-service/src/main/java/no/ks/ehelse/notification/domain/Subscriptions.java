package no.ks.ehelse.notification.domain;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.ks.ehelse.notification.events.SubscriptionEvents;
import no.ks.ehelse.platform.api.ProblemException;

/** Subscriptions belong to whoever made them; admins see all. */
@ApplicationScoped
public class Subscriptions {

    public record Request(List<String> eventTypes, Channel channel, String address, String kommunenummer,
            String network, String solution, UUID trackId) {
    }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final SubscriptionEvents events;
    private final Clock clock;

    Subscriptions(SubscriptionEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PanacheQuery<Subscription> list(String owner, boolean all) {
        Sort sort = Sort.descending("createdAt");
        return all ? Subscription.findAll(sort) : Subscription.find("owner", sort, owner);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Subscription> find(UUID id, String owner, boolean all) {
        return Subscription.<Subscription>findByIdOptional(id).filter(s -> all || s.owner.equals(owner));
    }

    @Transactional
    public Subscription subscribe(Request request, String owner) {
        checkAddress(request.channel(), request.address());
        Subscription s = new Subscription();
        s.id = UUID.randomUUID();
        s.owner = owner;
        s.eventTypes = List.copyOf(request.eventTypes());
        s.channel = request.channel();
        s.address = request.address().strip();
        s.kommunenummer = request.kommunenummer();
        s.network = request.network();
        s.solution = request.solution();
        s.trackId = request.trackId();
        s.createdAt = OffsetDateTime.now(clock);
        s.persist();
        events.created(s);
        return s;
    }

    private static void checkAddress(Channel channel, String address) {
        if (channel == Channel.EMAIL && !EMAIL.matcher(address.strip()).matches()) {
            throw ProblemException.invalidField("address", "must be an e-mail address for channel EMAIL");
        }
        if (channel == Channel.WEBHOOK) {
            URI uri;
            try {
                uri = URI.create(address.strip());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("address", "must be an absolute https URL for channel WEBHOOK");
            }
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw ProblemException.invalidField("address", "must be an absolute https URL for channel WEBHOOK");
            }
        }
    }
}
