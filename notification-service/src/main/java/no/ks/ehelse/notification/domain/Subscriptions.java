package no.ks.ehelse.notification.domain;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.events.CloudEvent;

/** Subscriptions belong to whoever made them; admins see all. */
@ApplicationScoped
public class Subscriptions {

    public record Request(
            List<String> eventTypes,
            Channel channel,
            String address,
            String kommunenummer,
            String network,
            String solution,
            UUID trackId,
            Cadence cadence) {}

    /** A new subscription and, for a webhook, its secret: the only time the secret is shown. */
    public record Created(Subscription subscription, String secret) {}

    /** The disabled reason of a subscription its owner ended. */
    public static final String CANCELLED = "cancelled by its owner";

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SubscriptionEvents events;
    private final WebhookEndpoints endpoints;
    private final WebhookSecrets secrets;
    private final Clock clock;

    Subscriptions(SubscriptionEvents events, WebhookEndpoints endpoints, WebhookSecrets secrets, Clock clock) {
        this.events = events;
        this.endpoints = endpoints;
        this.secrets = secrets;
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
    public Created subscribe(Request request, String owner) {
        checkAddress(request.channel(), request.address());
        if (request.channel() == Channel.WEBHOOK && request.cadence() == Cadence.DAILY_DIGEST) {
            throw ProblemException.invalidField(
                    "delivery", "webhooks are delivered immediately; " + "DAILY_DIGEST is for e-mail");
        }
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
        s.cadence = request.cadence() == null ? Cadence.IMMEDIATE : request.cadence();
        s.createdAt = OffsetDateTime.now(clock);
        String secret = null;
        if (s.channel == Channel.WEBHOOK) {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            secret = "whsec_" + Base64.getEncoder().encodeToString(key);
            s.secret = secrets.seal(s.id, secret);
        }
        s.persist();
        events.created(s);
        return new Created(s, secret);
    }

    /** The subscriptions an event reaches: its type asked for, every filter set matches, not disabled. */
    @SuppressWarnings("unchecked")
    static List<Subscription> matching(EntityManager em, CloudEvent event, UUID trackId, String kommunenummer) {
        List<Subscription> candidates = em.createNativeQuery(
                        "SELECT * FROM subscription WHERE disabled_at IS NULL "
                                + "AND :type = ANY (event_types) ORDER BY created_at",
                        Subscription.class)
                .setParameter("type", event.type())
                .getResultList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        String solution = event.data().path("solution").asText(null);
        String network = event.data().path("network").asText(null);
        if (network == null && kommunenummer != null) {
            MunicipalityProjection m = MunicipalityProjection.findById(kommunenummer);
            network = m == null ? null : m.network;
        }
        String eventNetwork = network;
        return candidates.stream()
                .filter(s -> s.kommunenummer == null || s.kommunenummer.equals(kommunenummer))
                .filter(s -> s.solution == null || s.solution.equals(solution))
                .filter(s -> s.trackId == null || s.trackId.equals(trackId))
                .filter(s -> s.network == null || s.network.equalsIgnoreCase(Objects.toString(eventNetwork, "")))
                .toList();
    }

    /** An endpoint that answered 410 Gone wants nothing more. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void disable(UUID id, String reason) {
        Subscription s = Subscription.findById(id);
        if (s != null && s.disabledAt == null) {
            s.disabledAt = OffsetDateTime.now(clock);
            s.disabledReason = reason;
        }
    }

    /**
     * The owner ends a subscription. It is kept, disabled with {@link #CANCELLED} as the reason, because its messages
     * and their delivery log refer to it; a cancelled subscription is no longer listed as the owner's.
     */
    @Transactional
    public void cancel(Subscription subscription) {
        Subscription s = Subscription.findById(subscription.id);
        s.disabledAt = OffsetDateTime.now(clock);
        s.disabledReason = CANCELLED;
    }

    /** The owner's subscriptions that they have not cancelled (active, or disabled by a 410), newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Subscription> current(String owner) {
        return Subscription.list(
                "owner = ?1 and (disabledReason is null or disabledReason <> ?2)",
                Sort.descending("createdAt"),
                owner,
                CANCELLED);
    }

    /** Turns a disabled subscription back on (after its endpoint is fixed). */
    @Transactional
    public Subscription enable(Subscription subscription) {
        Subscription s = Subscription.findById(subscription.id);
        s.disabledAt = null;
        s.disabledReason = null;
        return s;
    }

    private void checkAddress(Channel channel, String address) {
        if (channel == Channel.FEED) {
            throw ProblemException.invalidField("channel", "must be EMAIL or WEBHOOK; the feed is always written");
        }
        if (channel == Channel.EMAIL && !EMAIL.matcher(address.strip()).matches()) {
            throw ProblemException.invalidField("address", "must be an e-mail address for channel EMAIL");
        }
        if (channel == Channel.WEBHOOK) {
            endpoints.refusal(address).ifPresent(reason -> {
                throw ProblemException.invalidField("address", reason + " for channel WEBHOOK");
            });
        }
    }
}
