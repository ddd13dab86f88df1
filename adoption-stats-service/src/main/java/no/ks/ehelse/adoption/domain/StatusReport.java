package no.ks.ehelse.adoption.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One status NHN reported, kept even when stale: the history time travel reads. */
@Entity
@Table(name = "status_report")
public class StatusReport extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(nullable = false)
    public String kommunenummer;

    @Column(name = "reported_kommunenummer", nullable = false)
    public String reportedKommunenummer;

    @Column(nullable = false)
    public String solution;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AdoptionLevel status;

    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;
}
