package no.ks.ehelse.notification.domain;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person's own choice of bokmål or nynorsk, per e-mail address (lower case). */
@Entity
@Table(name = "recipient_language")
public class RecipientLanguage extends PanacheEntityBase {

    @Id
    public String address;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Language language;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
