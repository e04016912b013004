package org.a4ptracker.partnership;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.a4ptracker.platform.persistence.Keyset;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class CommitmentRepository implements PanacheRepositoryBase<CommitmentEntity, UUID> {

    /** Sort key for commitments without a due date: after every real one. */
    static final LocalDate NO_DUE_DATE = LocalDate.of(9999, 12, 31);

    public record Filter(String status, String area, String owner, Boolean overdue, LocalDate today) {
    }

    /** Earliest due date first (none last), then id. */
    public Keyset.Page<CommitmentEntity> page(UUID partnership, Filter filter, Keyset keyset) {
        List<String> where = new ArrayList<>(List.of("partnershipId = :partnership"));
        Parameters params = Parameters.with("partnership", partnership);
        if (filter.status() != null) {
            where.add("status = :status");
            params.and("status", filter.status());
        }
        if (filter.area() != null) {
            where.add("area = :area");
            params.and("area", filter.area());
        }
        if (filter.owner() != null) {
            where.add("owner = :owner");
            params.and("owner", filter.owner());
        }
        if (filter.overdue() != null) {
            where.add(filter.overdue() ? "(dueDate < :today and status in :open)"
                    : "(dueDate is null or dueDate >= :today or status not in :open)");
            params.and("today", filter.today()).and("open", CommitmentEntity.OPEN);
        }
        String due = "coalesce(dueDate, :noDue)";
        params.and("noDue", NO_DUE_DATE);
        if (!keyset.firstPage()) {
            where.add("(" + due + " > :kDue or (" + due + " = :kDue and id > :kId))");
            params.and("kDue", keyset.afterDate(0)).and("kId", keyset.afterId(1));
        }
        List<CommitmentEntity> rows = find(String.join(" and ", where) + " order by " + due + ", id", params)
                .range(0, keyset.fetchSize() - 1).list();
        return keyset.page(rows, c -> List.of((c.dueDate == null ? NO_DUE_DATE : c.dueDate).toString(), c.id.toString()));
    }

    public Optional<CommitmentEntity> find(UUID partnership, UUID id) {
        return find("partnershipId = ?1 and id = ?2", partnership, id).firstResultOptional();
    }

    public long countOf(UUID partnership) {
        return count("partnershipId", partnership);
    }
}
