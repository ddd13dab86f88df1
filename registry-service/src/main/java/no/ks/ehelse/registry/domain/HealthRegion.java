package no.ks.ehelse.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A regional health authority (RHF), e.g. code helse-vest. */
@Entity
@Table(name = "health_region")
public class HealthRegion extends PanacheEntityBase {

    @Id
    public String code;

    public String name;
}
