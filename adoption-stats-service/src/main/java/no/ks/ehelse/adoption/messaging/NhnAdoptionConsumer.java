package no.ks.ehelse.adoption.messaging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import no.ks.ehelse.adoption.domain.AdoptionLedger;
import no.ks.ehelse.adoption.domain.EffectiveDates;
import no.ks.ehelse.adoption.domain.ReportFields;
import no.ks.ehelse.adoption.messaging.NhnDeadLetters.DeadLetter;
import no.ks.ehelse.platform.api.LogText;
import no.ks.ehelse.platform.events.CloudEvent;
import no.ks.ehelse.platform.events.Consumption;
import no.ks.ehelse.platform.events.DateRange;
import no.ks.ehelse.platform.events.PoisonCategory;
import no.ks.ehelse.platform.events.PoisonRecordException;
import no.ks.ehelse.platform.events.ProcessedEvents;

/**
 * NHN's adoption events (docs/events: the fixed contract), a polled batch at a time, since NHN sends hundreds of
 * thousands. Each event is applied once (by event id); one that breaks the contract goes to the DLQ with the
 * reason, is counted in {@code ehelse_nhn_rejected_total}, and the rest of its batch is applied.
 */
@ApplicationScoped
public class NhnAdoptionConsumer {

    private static final Logger LOG = Logger.getLogger(NhnAdoptionConsumer.class);

    static final String CONSUMER = "adoption-stats-service.nhn";
    public static final String SOURCE = "urn:no:nhn:adoption";
    public static final String STATUS = "no.nhn.adoption.status.v1";
    public static final String USAGE = "no.nhn.adoption.usage.v1";

    private final AdoptionLedger ledger;
    private final ProcessedEvents processed;
    private final Consumption consumption;
    private final NhnDeadLetters deadLetters;
    private final MeterRegistry metrics;
    private final EffectiveDates effectiveDates;

    NhnAdoptionConsumer(
            AdoptionLedger ledger,
            ProcessedEvents processed,
            Consumption consumption,
            NhnDeadLetters deadLetters,
            MeterRegistry metrics,
            EffectiveDates effectiveDates) {
        this.ledger = ledger;
        this.processed = processed;
        this.consumption = consumption;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.effectiveDates = effectiveDates;
    }

    /**
     * The batch's good records are committed first, then the refused ones are dead-lettered, then the batch is
     * acknowledged. A crash in between redelivers the batch: the applied events are recognised by id, and the
     * refused ones (never recorded as seen) are judged and dead-lettered again.
     */
    @Incoming("nhn-adoption")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        long start = System.nanoTime();
        List<ConsumerRecord<String, String>> polled = new ArrayList<>(records.count());
        records.forEach(polled::add);
        List<DeadLetter> refused = applyOrFindTheRefused(polled);
        deadLetters.send(refused);
        refused.forEach(d -> metrics.counter(
                        "ehelse.nhn.rejected", "reason", d.category().header())
                .increment());
        // Batch size and time tell an operator (and the benchmark) whether ingestion waits on the database or on
        // the broker.
        metrics.summary("ehelse.nhn.batch.size").record(records.count());
        metrics.timer("ehelse.nhn.batch").record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /**
     * The batch in one transaction; if the database refuses some record's data although every field rule passed
     * ({@link Consumption#call} raises that as poison, not retried), the batch is rolled back and its records are
     * applied again one at a time, each in a transaction of its own and in order, so the good ones are applied and
     * only the refused one is dead-lettered. A transient failure is still retried as a whole batch.
     */
    private List<DeadLetter> applyOrFindTheRefused(List<ConsumerRecord<String, String>> polled) {
        try {
            return consumption.call(() -> apply(polled));
        } catch (PoisonRecordException batchRefused) {
            LOG.warnf(
                    "the database refused a record of a batch of %d (%s); applying them one at a time",
                    polled.size(), LogText.of(batchRefused.getMessage()));
            List<DeadLetter> refused = new ArrayList<>();
            for (ConsumerRecord<String, String> record : polled) {
                try {
                    refused.addAll(consumption.call(() -> apply(List.of(record))));
                } catch (PoisonRecordException e) {
                    refused.add(new DeadLetter(record, e.getMessage(), e.category()));
                }
            }
            return refused;
        }
    }

    private List<DeadLetter> apply(List<ConsumerRecord<String, String>> records) {
        List<DeadLetter> refused = new ArrayList<>();
        List<ConsumerRecord<String, String>> parsed = new ArrayList<>(records.size());
        List<AdoptionLedger.Report> reports = new ArrayList<>(records.size());
        DateRange plausible = effectiveDates.today();
        for (ConsumerRecord<String, String> record : records) {
            try {
                reports.add(report(CloudEvent.parse(record.value()), plausible));
                parsed.add(record);
            } catch (PoisonRecordException e) {
                refused.add(new DeadLetter(record, e.getMessage(), e.category()));
            }
        }
        List<AdoptionLedger.Result> results = ledger.apply(reports, ids -> processed.firstDeliveries(CONSUMER, ids));
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).isRejected()) {
                refused.add(new DeadLetter(
                        parsed.get(i),
                        results.get(i).rejection(),
                        results.get(i).category()));
            }
        }
        refused.sort(Comparator.comparing((DeadLetter d) -> d.record().partition())
                .thenComparingLong(d -> d.record().offset()));
        return refused;
    }

    private static AdoptionLedger.Report report(CloudEvent event, DateRange plausible) {
        if (!SOURCE.equals(event.source())) {
            throw new PoisonRecordException(
                    PoisonCategory.INVALID_VALUE, "source must be " + SOURCE + ", was " + event.source());
        }
        return switch (event.type()) {
            case STATUS ->
                new AdoptionLedger.StatusReportInput(
                        event.id(),
                        kommunenummer(event),
                        event.text("solution"),
                        ReportFields.level(event.text("status")),
                        ReportFields.date(event.text("effectiveDate"), plausible));
            case USAGE ->
                new AdoptionLedger.UsageReportInput(
                        event.id(),
                        kommunenummer(event),
                        event.text("solution"),
                        ReportFields.metric(event.text("metric")),
                        ReportFields.period(event.text("period"), plausible),
                        event.fields().number("value"));
            default ->
                throw new PoisonRecordException(
                        PoisonCategory.UNEXPECTED_TYPE, "unknown event type '" + event.type() + "'");
        };
    }

    private static String kommunenummer(CloudEvent event) {
        return ReportFields.kommunenummer(event.text("kommunenummer"));
    }
}
