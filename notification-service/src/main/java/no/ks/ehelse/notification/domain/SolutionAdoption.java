package no.ks.ehelse.notification.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A municipality NHN's data shows live on a solution (adoption.went-live): it has no reason to enroll again. */
@Entity
@Table(name = "solution_adoption")
@IdClass(SolutionAdoption.Key.class)
public class SolutionAdoption extends PanacheEntityBase {

    public static class Key implements Serializable {
        public String kommunenummer;
        public String solution;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(kommunenummer, k.kommunenummer)
                    && Objects.equals(solution, k.solution);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kommunenummer, solution);
        }
    }

    @Id
    public String kommunenummer;

    @Id
    public String solution;

    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;

    /** Records the first went-live of the pair; a repeated one changes nothing. */
    public static void record(String kommunenummer, String solution, LocalDate effectiveDate) {
        if (count("kommunenummer = ?1 and solution = ?2", kommunenummer, solution) > 0) {
            return;
        }
        SolutionAdoption a = new SolutionAdoption();
        a.kommunenummer = kommunenummer;
        a.solution = solution;
        a.effectiveDate = effectiveDate;
        a.persist();
    }
}
