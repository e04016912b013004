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

/** What a partnership's history compares between revisions. */
final class PartnershipHistory {

    private PartnershipHistory() {
    }

    /** The partnership's top-level API fields; absent ones map to null so that setting them counts as a change. */
    static Map<String, Object> members(PartnershipEntity p) {        Map<String, Object> fields = new LinkedHashMap<>();
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
