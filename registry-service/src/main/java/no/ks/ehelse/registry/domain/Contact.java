package no.ks.ehelse.registry.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/** A contact by role, of either a municipality or a network. */
@Entity
public class Contact extends PanacheEntityBase {

    @Id
    public UUID id;

    public String kommunenummer;

    public String network;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContactRole role;

    public String name;

    @Column(nullable = false)
    public String email;

    public String phone;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
