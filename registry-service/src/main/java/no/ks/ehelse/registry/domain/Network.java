package no.ks.ehelse.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A Diginettverk, e.g. code digi-vestland, name "Digi Vestland". */
@Entity
public class Network extends PanacheEntityBase {

    @Id
    public String code;

    public String name;
}
