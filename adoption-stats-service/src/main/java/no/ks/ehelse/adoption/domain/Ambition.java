package no.ks.ehelse.adoption.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

/**
 * A target: how many municipalities (or what share of those in the scope) should have reached an adoption level for
 * a solution in a year, nationally, in a health region or in a Diginettverk.
 */
@Entity
@IdClass(Ambition.Key.class)
public class Ambition extends PanacheEntityBase {

    public enum Scope {
        NATIONAL,
        HEALTH_REGION,
        NETWORK
    }

    /** The scope code of a national ambition. */
    public static final String NATION = "NO";

    public record Key(String solution, Integer year, Scope scope, String scopeCode) implements Serializable {
        public Key() {
            this(null, null, null, null);
        }
    }

    @Id
    public String solution;

    @Id
    public Integer year;

    @Id
    @Enumerated(EnumType.STRING)
    public Scope scope = Scope.NATIONAL;

    @Id
    @Column(name = "scope_code")
    public String scopeCode = NATION;

    /** Null when the ambition is a share. */
    public Integer target;

    /** Null when the ambition is a number of municipalities. */
    public Double share;

    @Column(name = "out_of")
    public Integer outOf;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AdoptionLevel level = AdoptionLevel.ACTIVE;

    public String note;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    /** The number of municipalities the ambition asks for, of {@code inScope} municipalities in its scope. */
    public long goal(long inScope) {
        return target != null ? target : (long) Math.ceil(share * inScope - 1e-9);
    }
}
