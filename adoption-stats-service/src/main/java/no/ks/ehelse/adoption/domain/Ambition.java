package no.ks.ehelse.adoption.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

/** A national target: how many municipalities should use a solution in a year. */
@Entity
@IdClass(Ambition.Key.class)
public class Ambition extends PanacheEntityBase {

    public record Key(String solution, Integer year) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    public String solution;

    @Id
    public Integer year;

    @Column(nullable = false)
    public Integer target;

    public String note;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
