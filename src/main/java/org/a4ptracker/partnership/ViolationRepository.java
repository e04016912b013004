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

@ApplicationScoped
public class ViolationRepository implements PanacheRepositoryBase<ViolationEntity, UUID> {

    record Filter(
            ViolationEntity.Type type,
            ViolationEntity.Status status,
            ViolationEntity.Perpetrator perpetrator,
            LocalDate from,
            LocalDate to) {}

    /** Newest first, then id. */
    Keyset.Page<ViolationEntity> page(UUID partnership, Filter filter, Keyset keyset) {
        List<String> where = new ArrayList<>(List.of("partnershipId = :partnership"));
        Parameters params = Parameters.with("partnership", partnership);
        if (filter.type() != null) {
            where.add("type = :type");
            params.and("type", filter.type());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            params.and("status", filter.status());
        }
        if (filter.perpetrator() != null) {
            where.add("perpetrator = :perpetrator");
            params.and("perpetrator", filter.perpetrator());
        }
        if (filter.from() != null) {
            where.add("occurredOn >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("occurredOn <= :to");
            params.and("to", filter.to());
        }
        if (!keyset.firstPage()) {
            // The first condition bounds the index range: a deep page starts where the last
            // stopped.
            where.add("occurredOn <= :kDate and (occurredOn < :kDate or id > :kId)");
            params.and("kDate", keyset.afterDate(0)).and("kId", keyset.afterId(1));
        }
        List<ViolationEntity> rows =
                find(String.join(" and ", where) + " order by occurredOn desc, id", params)
                        .range(0, keyset.fetchSize() - 1)
                        .list();
        return keyset.page(rows, v -> List.of(v.occurredOn.toString(), v.id.toString()));
    }

    Optional<ViolationEntity> find(UUID partnership, UUID id) {
        return find("partnershipId = ?1 and id = ?2", partnership, id).firstResultOptional();
    }

    long countOf(UUID partnership) {
        return count("partnershipId", partnership);
    }
}
