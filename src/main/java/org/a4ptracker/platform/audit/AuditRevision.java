package org.a4ptracker.platform.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/** One Envers revision of the audited records: when, by whom and, for a state change, why. */
@Entity
@Table(name = "audit_revision")
@RevisionEntity(AuditRevisionListener.class)
public class AuditRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_revision_seq")
    @SequenceGenerator(
            name = "audit_revision_seq",
            sequenceName = "audit_revision_seq",
            allocationSize = 50)
    @RevisionNumber
    public long id;

    @RevisionTimestamp public Instant at;

    public String actor;

    public String reason;

    /** The revisions with these numbers, by number. */
    static Map<Long, AuditRevision> byId(EntityManager em, List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery(
                        "SELECT r FROM AuditRevision r WHERE r.id IN :ids", AuditRevision.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(r -> r.id, Function.identity()));
    }
}
