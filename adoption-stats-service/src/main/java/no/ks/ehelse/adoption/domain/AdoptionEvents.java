package no.ks.ehelse.adoption.domain;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.platform.events.Outbox;

/** {@code no.ks.ehelse.adoption.went-live.v1} on {@code adoption.events.v1}, keyed by kommunenummer. */
@ApplicationScoped
public class AdoptionEvents {

    public static final String TOPIC = "adoption.events.v1";
    public static final String WENT_LIVE = "no.ks.ehelse.adoption.went-live.v1";

    public record WentLive(String kommunenummer, String solution, LocalDate effectiveDate) {}

    private final Outbox outbox;

    AdoptionEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void wentLive(List<WentLive> wentLive) {
        outbox.publishAll(wentLive.stream()
                .map(w -> new Outbox.Pending(
                        TOPIC, w.kommunenummer(), WENT_LIVE, w.kommunenummer() + "/" + w.solution(), w))
                .toList());
    }
}
