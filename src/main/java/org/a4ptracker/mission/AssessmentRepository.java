package org.a4ptracker.mission;

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
class AssessmentRepository implements PanacheRepositoryBase<AssessmentEntity, UUID> {

    record Filter(
            String priority,
            LocalDate periodFrom,
            LocalDate periodTo,
            AssessmentEntity.Rating rating) {}

    /** Newest period first, then priority, then id. */
    Keyset.Page<AssessmentEntity> page(String mission, Filter filter, Keyset keyset) {
        List<String> where = new ArrayList<>(List.of("missionAcronym = :mission"));
        Parameters params = Parameters.with("mission", mission);
        if (filter.priority() != null) {
            where.add("priorityCode = :priority");
            params.and("priority", filter.priority());
        }
        if (filter.periodFrom() != null) {
            where.add("periodStart >= :from");
            params.and("from", filter.periodFrom());
        }
        if (filter.periodTo() != null) {
            where.add("periodStart <= :to");
            params.and("to", filter.periodTo());
        }
        if (filter.rating() != null) {
            where.add("rating = :rating");
            params.and("rating", filter.rating());
        }
        if (!keyset.firstPage()) {
            where.add(
                    "(periodStart < :kPeriod or (periodStart = :kPeriod and (priorityCode > :kPriority"
                            + " or (priorityCode = :kPriority and id > :kId))))");
            params.and("kPeriod", keyset.afterDate(0))
                    .and("kPriority", keyset.after(1))
                    .and("kId", keyset.afterId(2));
        }
        List<AssessmentEntity> rows =
                find(
                                String.join(" and ", where)
                                        + " order by periodStart desc, priorityCode, id",
                                params)
                        .range(0, keyset.fetchSize() - 1)
                        .list();
        return keyset.page(
                rows, a -> List.of(a.periodStart.toString(), a.priorityCode, a.id.toString()));
    }

    Optional<AssessmentEntity> find(String mission, UUID id) {
        return find("missionAcronym = ?1 and id = ?2", mission, id).firstResultOptional();
    }

    boolean periodTaken(String mission, String priority, LocalDate periodStart, UUID exceptId) {
        return count(
                        "missionAcronym = ?1 and priorityCode = ?2 and periodStart = ?3 and id <> ?4",
                        mission,
                        priority,
                        periodStart,
                        exceptId == null ? Sentinels.NO_ID : exceptId)
                > 0;
    }

    /**
     * How many of the mission's assessments are of a quarter before {@code from} or starting after
     * {@code to} (null: no end).
     */
    long outside(String mission, ReportingPeriod from, LocalDate to) {
        return count(
                "missionAcronym = ?1 and (periodStart < ?2 or periodStart > ?3)",
                mission,
                from.start(),
                to == null ? Sentinels.OPEN_END : to);
    }

    /** How many values recorded in assessments name this indicator. */
    long valuesOf(UUID indicatorId) {
        return getEntityManager()
                .createQuery(
                        "select count(v) from AssessmentEntity a join a.indicatorValues v where v.indicatorId = :id",
                        Long.class)
                .setParameter("id", indicatorId)
                .getSingleResult();
    }
}
