package org.a4ptracker.partnership;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.a4ptracker.platform.audit.AuditRevision;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;

/** The Envers revisions of one partnership, with the top-level API fields each one changed. */
@ApplicationScoped
class PartnershipHistory {

    record Revision(long number, Instant at, String actor, String reason, String type, List<String> changedFields) {
    }

    private final EntityManager em;

    PartnershipHistory(EntityManager em) {
        this.em = em;
    }

    /** Every revision, newest first. */
    List<Revision> of(UUID partnership) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = AuditReaderFactory.get(em).createQuery()
                .forRevisionsOfEntity(PartnershipEntity.class, false, true)
                .add(AuditEntity.id().eq(partnership))
                .addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        List<Revision> revisions = new ArrayList<>();
        Map<String, Object> previous = Map.of();
        for (Object[] row : rows) {
            PartnershipEntity state = (PartnershipEntity) row[0];
            AuditRevision revision = (AuditRevision) row[1];
            RevisionType type = (RevisionType) row[2];
            Map<String, Object> fields = fields(state);
            List<String> changed = new ArrayList<>();
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                if (!Objects.equals(field.getValue(), previous.get(field.getKey()))) {
                    changed.add(field.getKey());
                }
            }
            revisions.add(new Revision(revision.id, revision.at, revision.actor, revision.reason,
                    type == RevisionType.ADD ? "created" : "updated", changed));
            previous = fields;
        }
        Collections.reverse(revisions);
        return revisions;
    }

    /** The partnership's top-level API fields; absent ones map to null so that setting them counts as a change. */
    private static Map<String, Object> fields(PartnershipEntity p) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("mission_acronym", p.missionAcronym);
        fields.put("country_code", p.countryCode);
        fields.put("status", p.status);
        fields.put("agreement", List.of(String.valueOf(p.agreementType), String.valueOf(p.agreementTitle),
                String.valueOf(p.agreementSignedDate), String.valueOf(p.agreementInForceDate),
                String.valueOf(p.agreementDocumentSymbol)));
        fields.put("focal_points", p.focalPoints == null || p.focalPoints.isEmpty() ? null : p.focalPoints);
        fields.put("resolution_2589_focal_point", p.resolution2589FocalPoint);
        fields.put("transition_plan", p.transitionPhase == null ? null
                : List.of(p.transitionPhase, p.transitionBenchmarks == null ? List.of() : p.transitionBenchmarks));
        return fields;
    }
}
