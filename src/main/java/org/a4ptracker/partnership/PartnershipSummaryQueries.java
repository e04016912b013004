package org.a4ptracker.partnership;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.a4ptracker.platform.persistence.Dates;
import org.a4ptracker.platform.persistence.StoredEnum;

/** The partnership summary, computed by PostgreSQL: only the answer's rows reach Java. */
@ApplicationScoped
class PartnershipSummaryQueries {

    /** How many overdue commitments the summary lists (the count covers all). */
    static final int OVERDUE_LISTED = 50;

    record TypeCount(ViolationEntity.Type type, int count) {}

    record Trend(int last6Months, int previous6Months) {}

    record Overdue(UUID id, String description, LocalDate dueDate) {}

    /** Everything the summary counts of one partnership on one day. */
    record Figures(
            List<TypeCount> openViolationsByType,
            Trend trend,
            int overdueCount,
            List<Overdue> overdue,
            Map<PartnershipEntity.BenchmarkStatus, Integer> benchmarks) {}

    private final EntityManager em;

    PartnershipSummaryQueries(EntityManager em) {
        this.em = em;
    }

    Figures figures(UUID partnership, LocalDate today) {
        return new Figures(
                openViolationsByType(partnership, today),
                trend(partnership, today),
                overdueCount(partnership, today),
                overdue(partnership, today),
                benchmarksByStatus(partnership));
    }

    /**
     * Open violations that occurred in the 12 months up to {@code today}, most frequent type first.
     */
    private List<TypeCount> openViolationsByType(UUID partnership, LocalDate today) {
        return tuples(
                        em.createNativeQuery(
                                        """
                        SELECT type, count(*) AS n
                          FROM partnership_violation
                         WHERE partnership_id = :p
                           AND status IN (:open)
                           AND occurred_on > :since AND occurred_on <= :today
                         GROUP BY type
                         ORDER BY count(*) DESC, type""",
                                        Tuple.class)
                                .setParameter("p", partnership)
                                .setParameter(
                                        "open",
                                        ViolationEntity.Status.OPEN.stream()
                                                .map(StoredEnum::value)
                                                .toList())
                                .setParameter("since", today.minusMonths(12))
                                .setParameter("today", today))
                .stream()
                .map(
                        t ->
                                new TypeCount(
                                        StoredEnum.of(
                                                ViolationEntity.Type.class,
                                                t.get("type", String.class)),
                                        count(t)))
                .toList();
    }

    /** Violations of any status in the last 6 months and in the 6 months before. */
    private Trend trend(UUID partnership, LocalDate today) {
        Tuple row =
                tuples(
                                em.createNativeQuery(
                                                """
                        SELECT count(*) FILTER (WHERE occurred_on > :since6 AND occurred_on <= :today) AS last6,
                               count(*) FILTER (WHERE occurred_on > :since12 AND occurred_on <= :since6) AS previous6
                          FROM partnership_violation
                         WHERE partnership_id = :p AND occurred_on > :since12 AND occurred_on <= :today""",
                                                Tuple.class)
                                        .setParameter("p", partnership)
                                        .setParameter("since6", today.minusMonths(6))
                                        .setParameter("since12", today.minusMonths(12))
                                        .setParameter("today", today))
                        .get(0);
        return new Trend(
                row.get("last6", Long.class).intValue(),
                row.get("previous6", Long.class).intValue());
    }

    private int overdueCount(UUID partnership, LocalDate today) {
        return count(
                tuples(
                                em.createNativeQuery(
                                                """
                        SELECT count(*) AS n FROM partnership_commitment
                         WHERE partnership_id = :p AND partnership_commitment_overdue(due_date, status, :today)""",
                                                Tuple.class)
                                        .setParameter("p", partnership)
                                        .setParameter("today", today))
                        .get(0));
    }

    /** The overdue commitments, oldest due date first. */
    private List<Overdue> overdue(UUID partnership, LocalDate today) {
        return tuples(
                        em.createNativeQuery(
                                        """
                        SELECT id, description, due_date FROM partnership_commitment
                         WHERE partnership_id = :p AND partnership_commitment_overdue(due_date, status, :today)
                         ORDER BY due_date, id
                         LIMIT :max""",
                                        Tuple.class)
                                .setParameter("p", partnership)
                                .setParameter("today", today)
                                .setParameter("max", OVERDUE_LISTED))
                .stream()
                .map(
                        t ->
                                new Overdue(
                                        t.get("id", UUID.class),
                                        t.get("description", String.class),
                                        Dates.fromSql(t.get("due_date"))))
                .toList();
    }

    /** The transition plan's benchmarks per status (statuses without any are absent). */
    private Map<PartnershipEntity.BenchmarkStatus, Integer> benchmarksByStatus(UUID partnership) {
        Map<PartnershipEntity.BenchmarkStatus, Integer> counts =
                new EnumMap<>(PartnershipEntity.BenchmarkStatus.class);
        tuples(
                        em.createNativeQuery(
                                        """
                        SELECT b ->> 'status' AS status, count(*) AS n
                          FROM host_country_partnership p, jsonb_array_elements(p.transition_benchmarks) b
                         WHERE p.id = :p
                         GROUP BY 1""",
                                        Tuple.class)
                                .setParameter("p", partnership))
                .forEach(
                        t ->
                                counts.put(
                                        StoredEnum.of(
                                                PartnershipEntity.BenchmarkStatus.class,
                                                t.get("status", String.class)),
                                        count(t)));
        return counts;
    }

    @SuppressWarnings("unchecked")
    private static List<Tuple> tuples(Query query) {
        return query.getResultList();
    }

    private static int count(Tuple row) {
        return row.get("n", Long.class).intValue();
    }
}
