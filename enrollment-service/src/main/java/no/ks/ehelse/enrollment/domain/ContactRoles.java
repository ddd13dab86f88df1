package no.ks.ehelse.enrollment.domain;

import java.time.OffsetDateTime;
import java.util.List;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Which contact roles a municipality has in the registry (registry.contacts.v1), not who they are: the worklist
 * and readiness only ask whether a role is filled. {@code since} is when the set of roles last changed.
 */
@Entity
@Table(name = "municipality_contacts")
public class ContactRoles extends PanacheEntityBase {

    public static final String EHEALTH_CONTACT = "EHEALTH_CONTACT";
    public static final String HELSEID_ORDERER = "HELSEID_ORDERER";

    @Id
    public String kommunenummer;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> roles = List.of();

    @Column(nullable = false)
    public int contacts;

    @Column(nullable = false)
    public OffsetDateTime since;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
