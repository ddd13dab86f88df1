package no.ks.ehelse.notification.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One address's choice for one message kind on one channel (e-mail or its feed); overrides the address-wide one. */
@Entity
@Table(name = "recipient_kind_preference")
@IdClass(RecipientKindPreference.Key.class)
public class RecipientKindPreference extends PanacheEntityBase {

    public static class Key implements Serializable {
        public String address;
        public MessageKind kind;
        public Channel channel;

        public Key() {}

        Key(String address, MessageKind kind, Channel channel) {
            this.address = address;
            this.kind = kind;
            this.channel = channel;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && address.equals(k.address) && kind == k.kind && channel == k.channel;
        }

        @Override
        public int hashCode() {
            return Objects.hash(address, kind, channel);
        }
    }

    @Id
    public String address;

    @Id
    @Enumerated(EnumType.STRING)
    public MessageKind kind;

    @Id
    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery", nullable = false)
    public Cadence cadence;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
