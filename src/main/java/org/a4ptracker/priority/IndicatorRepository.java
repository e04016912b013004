package org.a4ptracker.priority;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.a4ptracker.platform.persistence.Keyset;
import org.a4ptracker.platform.persistence.Sentinels;

@ApplicationScoped
class IndicatorRepository implements PanacheRepositoryBase<IndicatorEntity, UUID> {

    /** One page of a priority's indicators ordered by (code, id). */
    Keyset.Page<IndicatorEntity> page(String priorityCode, Keyset keyset) {
        Parameters params = Parameters.with("priority", priorityCode);
        String where = "priorityCode = :priority";
        if (!keyset.firstPage()) {
            where += " and (code > :code or (code = :code and id > :id))";
            params.and("code", keyset.after(0)).and("id", keyset.afterId(1));
        }
        List<IndicatorEntity> rows =
                find(where, Sort.by("code").and("id"), params)
                        .range(0, keyset.fetchSize() - 1)
                        .list();
        return keyset.page(rows, i -> List.of(i.code, i.id.toString()));
    }

    Optional<IndicatorEntity> find(String priorityCode, UUID id) {
        return find("priorityCode = ?1 and id = ?2", priorityCode, id).firstResultOptional();
    }

    /**
     * Whether another indicator of the priority (any, when {@code exceptId} is null) has this code.
     */
    boolean codeTaken(String priorityCode, String code, UUID exceptId) {
        return count(
                        "priorityCode = ?1 and code = ?2 and id <> ?3",
                        priorityCode,
                        code,
                        exceptId == null ? Sentinels.NO_ID : exceptId)
                > 0;
    }

    /** Those of these indicators that exist, in one query, ordered by code. */
    List<IndicatorEntity> byId(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", Sort.by("code").and("id"), ids);
    }
}
