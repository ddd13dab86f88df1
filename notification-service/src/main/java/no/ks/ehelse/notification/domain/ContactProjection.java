package no.ks.ehelse.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A registry contact of one municipality or one network (exactly one of the two is set). */
@Entity
@Table(name = "contact")
public class ContactProjection extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    public String kommunenummer;

    public String network;

    @Column(nullable = false)
    public String role;

    public String name;

    @Column(nullable = false)
    public String email;
}
