package org.a4ptracker.partnership;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.a4ptracker.platform.persistence.Keyset;
import org.a4ptracker.platform.persistence.Sentinels;

@ApplicationScoped
public class CommitmentRepository implements PanacheRepositoryBase<CommitmentEntity, UUID> {

    /**
     * The overdue rule, asked of the database (V9) for the row {@code c} on the day {@code :today}.
     */
    static final String OVERDUE =
            "cast(function('partnership_commitment_overdue', c.dueDate, c.status, :today) as Boolean)";

    /**
     * Earliest due date first; commitments without one sort as if due at the open end, after every
     * real one. The sentinel is a literal, as in the indexes on this expression (V6, V11), so that
     * every plan of the statement can use them.
     */
    private static final String DUE = "coalesce(c.dueDate, {d '" + Sentinels.OPEN_END + "'})";

    record Filter(
            CommitmentEntity.Status status,
            CommitmentEntity.Area area,
            CommitmentEntity.Owner owner,
            Boolean overdue) {}

    /** A commitment and whether it is overdue on the day asked. */
    record Row(CommitmentEntity commitment, boolean overdue) {}

    /** Earliest due date first (none last), then id. */
    Keyset.Page<Row> page(UUID partnership, Filter filter, LocalDate today, Keyset keyset) {
        List<String> where = new ArrayList<>(List.of("c.partnershipId = :partnership"));
        Parameters params = Parameters.with("partnership", partnership).and("today", today);
        if (filter.status() != null) {
            where.add("c.status = :status");
            params.and("status", filter.status());
        }
        if (filter.area() != null) {
            where.add("c.area = :area");
            params.and("area", filter.area());
        }
        if (filter.owner() != null) {
            where.add("c.owner = :owner");
            params.and("owner", filter.owner());
        }
        if (filter.overdue() != null) {
            // A literal, not a parameter: PostgreSQL then plans `= true` as the rule itself.
            where.add(OVERDUE + (filter.overdue() ? " = true" : " = false"));
        }
        if (!keyset.firstPage()) {
            // The first condition bounds the index range: a deep page starts where the last
            // stopped.
            where.add(DUE + " >= :kDue and (" + DUE + " > :kDue or c.id > :kId)");
            params.and("kDue", keyset.afterDate(0)).and("kId", keyset.afterId(1));
        }
        List<Row> rows =
                rows(
                        String.join(" and ", where) + " order by " + DUE + ", c.id",
                        params,
                        keyset.fetchSize());
        return keyset.page(
                rows,
                r ->
                        List.of(
                                (r.commitment().dueDate == null
                                                ? Sentinels.OPEN_END
                                                : r.commitment().dueDate)
                                        .toString(),
                                r.commitment().id.toString()));
    }

    Optional<Row> find(UUID partnership, UUID id, LocalDate today) {
        return rows(
                        "c.partnershipId = :partnership and c.id = :id",
                        Parameters.with("partnership", partnership)
                                .and("id", id)
                                .and("today", today),
                        1)
                .stream()
                .findFirst();
    }

    long countOf(UUID partnership) {
        return count("partnershipId", partnership);
    }

    private List<Row> rows(String where, Parameters params, int max) {
        var query =
                getEntityManager()
                        .createQuery(
                                "select c, " + OVERDUE + " from CommitmentEntity c where " + where,
                                Row.class);
        params.map().forEach(query::setParameter);
        return query.setMaxResults(max).getResultList();
    }
}
