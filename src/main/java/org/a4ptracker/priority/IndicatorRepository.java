package org.a4ptracker.priority;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.a4ptracker.platform.persistence.Keyset;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class IndicatorRepository implements PanacheRepositoryBase<IndicatorEntity, UUID> {

    /** One page of a priority's indicators ordered by (code, id). */
    public Keyset.Page<IndicatorEntity> page(String priorityCode, Keyset keyset) {
        Parameters params = Parameters.with("priority", priorityCode);
        String where = "priorityCode = :priority";
        if (!keyset.firstPage()) {
            where += " and (code > :code or (code = :code and id > :id))";
            params.and("code", keyset.after(0)).and("id", keyset.afterId(1));
        }
        List<IndicatorEntity> rows = find(where, Sort.by("code").and("id"), params)
                .range(0, keyset.fetchSize() - 1).list();
        return keyset.page(rows, i -> List.of(i.code, i.id.toString()));
    }

    public Optional<IndicatorEntity> find(String priorityCode, UUID id) {
        return find("priorityCode = ?1 and id = ?2", priorityCode, id).firstResultOptional();
    }

    public boolean codeTaken(String priorityCode, String code, UUID exceptId) {
        return count("priorityCode = ?1 and code = ?2 and id <> ?3", priorityCode, code,
                exceptId == null ? new UUID(0, 0) : exceptId) > 0;
    }

    /** Code of each of these indicators, in one query. */
    public java.util.Map<UUID, IndicatorEntity> byId(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return list("id in ?1", ids).stream()
                .collect(java.util.stream.Collectors.toMap(i -> i.id, i -> i));
    }

    /** How many assessment values refer to this indicator. */
    public long recordedValues(UUID id) {
        return ((Number) getEntityManager()
                .createNativeQuery("SELECT count(*) FROM assessment_indicator_value WHERE indicator_id = :id")
                .setParameter("id", id).getSingleResult()).longValue();
    }
}
