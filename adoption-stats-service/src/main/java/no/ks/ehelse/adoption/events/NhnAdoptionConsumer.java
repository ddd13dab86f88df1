package no.ks.ehelse.adoption.events;


import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.adoption.domain.AdoptionLedger;
import no.ks.ehelse.adoption.domain.AdoptionLevel;
import no.ks.ehelse.adoption.domain.ReportFields;
import no.ks.ehelse.platform.events.CloudEvent;
import no.ks.ehelse.platform.events.Consumption;
import no.ks.ehelse.platform.events.PoisonRecordException;
import no.ks.ehelse.platform.events.ProcessedEvents;

/**
 * NHN's adoption events (docs/events: the fixed contract). Each is applied once (by event id); one that breaks
 * the contract goes to the DLQ with the reason, is counted in {@code ehelse_nhn_rejected_total}, and the
 * partition moves on.
 */
@ApplicationScoped
public class NhnAdoptionConsumer {

    private final Consumption consumption;

    static final String CONSUMER = "adoption-stats-service.nhn";
    public static final String SOURCE = "urn:no:nhn:adoption";
    public static final String STATUS = "no.nhn.adoption.status.v1";
    public static final String USAGE = "no.nhn.adoption.usage.v1";

    private final AdoptionLedger ledger;
    private final ProcessedEvents processed;
    private final MeterRegistry metrics;

    NhnAdoptionConsumer(AdoptionLedger ledger, ProcessedEvents processed, MeterRegistry metrics, Consumption consumption) {
        this.consumption = consumption;
        this.ledger = ledger;
        this.processed = processed;
        this.metrics = metrics;
    }

    @Incoming("nhn-adoption")
    @Blocking
    public void consume(String value) {
        consumption.apply(() -> consumeNow(value));
    }

    private void consumeNow(String value) {
        try {
            apply(CloudEvent.parse(value));
        } catch (PoisonRecordException e) {
            metrics.counter("ehelse.nhn.rejected", "reason", category(e.getMessage())).increment();
            throw e;
        }
    }

    private void apply(CloudEvent event) {
        if (!SOURCE.equals(event.source())) {
            throw new PoisonRecordException("source must be " + SOURCE + ", was " + event.source());
        }
        switch (event.type()) {
            case STATUS -> {
                var report = new AdoptionLedger.StatusReportInput(event.id(), kommunenummer(event),
                        event.text("solution"), level(event.text("status")), date(event.text("effectiveDate")));
                if (processed.firstDelivery(CONSUMER, event.id())) {
                    ledger.recordStatus(report);
                }
            }
            case USAGE -> {
                JsonNode value = event.data().get("value");
                if (value == null || !value.isNumber()) {
                    throw new PoisonRecordException("missing or non-numeric field 'value'");
                }
                var report = new AdoptionLedger.UsageReportInput(kommunenummer(event), event.text("solution"),
                        event.text("metric"), period(event.text("period")), value.asDouble());
                if (processed.firstDelivery(CONSUMER, event.id())) {
                    ledger.recordUsage(report);
                }
            }
            default -> throw new PoisonRecordException("unknown event type '" + event.type() + "'");
        }
    }

    private static String kommunenummer(CloudEvent event) {
        return ReportFields.kommunenummer(event.text("kommunenummer"));
    }

    private static AdoptionLevel level(String status) {
        return ReportFields.level(status);
    }

    private static java.time.LocalDate date(String text) {
        return ReportFields.date(text);
    }

    private static String period(String text) {
        return ReportFields.period(text);
    }

    private static String category(String reason) {
        if (reason.startsWith("malformed JSON") || reason.startsWith("empty record")) {
            return "malformed";
        }
        if (reason.startsWith("unknown municipality") || reason.startsWith("former municipality")) {
            return "unknown-municipality";
        }
        if (reason.startsWith("unknown solution")) {
            return "unknown-solution";
        }
        if (reason.startsWith("missing")) {
            return "missing-field";
        }
        return "invalid";
    }
}
