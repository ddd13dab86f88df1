package no.ks.ehelse.registry.domain;

import java.io.Serializable;
import java.time.LocalDate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A former number and a municipality it became, from the day the former number stopped being valid. */
@Entity
@Table(name = "municipality_succession")
@IdClass(Succession.Key.class)
public class Succession extends PanacheEntityBase {

    public record Key(String predecessor, String successor) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    public String predecessor;

    @Id
    public String successor;

    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "change_type", nullable = false)
    public ChangeType changeType;

    public String note;
}
