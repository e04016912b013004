package org.a4ptracker.partnership;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.a4ptracker.platform.persistence.Dates;

/** The partnership summary, computed by PostgreSQL: only the answer's rows reach Java. */
@ApplicationScoped
class PartnershipSummaryQueries {

    /** Violation statuses that still need follow-up. */
    static final List<String> OPEN_VIOLATION = List.of("recorded", "raised", "unresolved");
    /** How many overdue commitments the summary lists (the count covers all). */
    static final int OVERDUE_LISTED = 50;

    record TypeCount(String type, int count) {
    }

    record Trend(int last6Months, int previous6Months) {
    }

    record Overdue(UUID id, String description, LocalDate dueDate) {
    }


    private final EntityManager em;

    PartnershipSummaryQueries(EntityManager em) {
        this.em = em;
    }

    /** Open violations that occurred in the 12 months up to {@code today}, most frequent type first. */
    List<TypeCount> openViolationsByType(UUID partnership, LocalDate today) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT type, count(*)
                          FROM partnership_violation
                         WHERE partnership_id = :p
                           AND status IN (:open)
                           AND occurred_on > :since AND occurred_on <= :today
                         GROUP BY type
                         ORDER BY count(*) DESC, type""")
                .setParameter("p", partnership)
                .setParameter("open", OPEN_VIOLATION)
                .setParameter("since", today.minusMonths(12))
                .setParameter("today", today)
                .getResultList();
        return rows.stream().map(r -> new TypeCount((String) r[0], ((Number) r[1]).intValue())).toList();
    }

    /** Violations of any status in the last 6 months and in the 6 months before. */
    Trend trend(UUID partnership, LocalDate today) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        SELECT count(*) FILTER (WHERE occurred_on > :since6 AND occurred_on <= :today),
                               count(*) FILTER (WHERE occurred_on > :since12 AND occurred_on <= :since6)
                          FROM partnership_violation
                         WHERE partnership_id = :p""")
                .setParameter("p", partnership)
                .setParameter("since6", today.minusMonths(6))
                .setParameter("since12", today.minusMonths(12))
                .setParameter("today", today)
                .getSingleResult();
        return new Trend(((Number) row[0]).intValue(), ((Number) row[1]).intValue());
    }

    long overdueCount(UUID partnership, LocalDate today) {
        return ((Number) em.createNativeQuery("""
                        SELECT count(*) FROM partnership_commitment
                         WHERE partnership_id = :p AND status IN ('planned', 'in_progress') AND due_date < :today""")
                .setParameter("p", partnership)
                .setParameter("today", today)
                .getSingleResult()).longValue();
    }

    /** The overdue commitments, oldest due date first. */
    List<Overdue> overdue(UUID partnership, LocalDate today) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, description, due_date FROM partnership_commitment
                         WHERE partnership_id = :p AND status IN ('planned', 'in_progress') AND due_date < :today
                         ORDER BY due_date, id
                         LIMIT :max""")
                .setParameter("p", partnership)
                .setParameter("today", today)
                .setParameter("max", OVERDUE_LISTED)
                .getResultList();
        return rows.stream().map(r -> new Overdue((UUID) r[0], (String) r[1], Dates.fromSql(r[2]))).toList();
    }

    /** The transition plan's benchmarks per status (statuses without any are absent). */
    Map<String, Integer> benchmarksByStatus(UUID partnership) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT b ->> 'status', count(*)
                          FROM host_country_partnership p, jsonb_array_elements(p.transition_benchmarks) b
                         WHERE p.id = :p
                         GROUP BY 1""")
                .setParameter("p", partnership)
                .getResultList();
        Map<String, Integer> counts = new LinkedHashMap<>();
        rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).intValue()));
        return counts;
    }

}
