package no.ks.ehelse.adoption.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The current usage figure for a municipality, solution, metric and month (YYYY-MM). */
@Entity
@Table(name = "usage_figure")
@IdClass(UsageFigure.Key.class)
public class UsageFigure extends PanacheEntityBase {

    public record Key(String solution, String metric, String period, String kommunenummer) implements Serializable {
        public Key() {
            this(null, null, null, null);
        }
    }

    @Id
    public String solution;

    @Id
    public String metric;

    @Id
    public String period;

    @Id
    public String kommunenummer;

    @Column(nullable = false)
    public double value;

    @Column(name = "reported_at", nullable = false)
    public OffsetDateTime reportedAt;
}
