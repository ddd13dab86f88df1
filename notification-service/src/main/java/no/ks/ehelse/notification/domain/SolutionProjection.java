package no.ks.ehelse.notification.domain;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The registry's solution, so messages name it as people know it ("DigiHelse"), not by its code. */
@Entity
@Table(name = "solution")
public class SolutionProjection extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** The solution's name, or its code while the registry's solution is not known here. */
    public static String nameOf(String code) {
        if (code == null) {
            return null;
        }
        SolutionProjection s = findById(code);
        return s == null ? code : s.name;
    }
}
