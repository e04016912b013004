package org.a4ptracker.accountability;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.a4ptracker.platform.security.CallerScope;
import org.a4ptracker.platform.persistence.Keyset;
import org.a4ptracker.platform.http.ProblemException;
import org.a4ptracker.platform.persistence.TextSearch;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<CaseEntity, UUID> {

    public record Filter(String kind, String mission, String status, String category, LocalDate reportedFrom,
                         LocalDate reportedTo, Boolean overdue, String reference) {
    }

    public record Read(long id, String reader, OffsetDateTime readAt, String view) {
    }

    /** A case the caller may see, or 404. */
    public CaseEntity require(UUID id, CallerScope scope) {
        CaseEntity found = findById(id);
        if (found == null || !scope.sees(found.missionAcronym)) {
            throw ProblemException.notFound("No accountability case " + id + ".");
        }
        return found;
    }

    /** Newest report first, then by id; {@code overdue} applies {@link CaseMapper#overdue} in SQL. */
    public Keyset.Page<CaseEntity> page(Filter filter, CallerScope scope, Keyset keyset, LocalDate today, int targetDays) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (!scope.seesAll()) {
            where.add("missionAcronym in :visible");
            params.and("visible", scope.missions());
        }
        if (filter.kind() != null) {
            where.add("kind = :kind");
            params.and("kind", filter.kind());
        }
        if (filter.mission() != null) {
            where.add("missionAcronym = :mission");
            params.and("mission", filter.mission());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            params.and("status", filter.status());
        }
        if (filter.category() != null) {
            where.add("category = :category");
            params.and("category", filter.category());
        }
        if (filter.reportedFrom() != null) {
            where.add("reportedOn >= :from");
            params.and("from", filter.reportedFrom());
        }
        if (filter.reportedTo() != null) {
            where.add("reportedOn <= :to");
            params.and("to", filter.reportedTo());
        }
        if (filter.reference() != null) {
            where.add("lower(reference) like :reference");
            params.and("reference", TextSearch.containing(filter.reference()));
        }
        if (filter.overdue() != null) {
            where.add((filter.overdue() ? "" : "not ") + "(category = 'sea' and id in (:overdueIds))");
            params.and("overdueIds", overdueIds(today, targetDays));
        }
        if (!keyset.firstPage()) {
            where.add("(reportedOn < :kDate or (reportedOn = :kDate and id > :kId))");
            params.and("kDate", keyset.afterDate(0)).and("kId", keyset.afterId(1));
        }
        String order = "order by reportedOn desc, id";
        String query = where.isEmpty() ? order : String.join(" and ", where) + " " + order;
        List<CaseEntity> rows = find(query, params).range(0, keyset.fetchSize() - 1).list();
        return keyset.page(rows, c -> List.of(c.reportedOn.toString(), c.id.toString()));
    }

    /** SEA cases with an investigation still open after more than {@code targetDays}. */
    private List<UUID> overdueIds(LocalDate today, int targetDays) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery("""
                        SELECT c.id FROM accountability_case c
                         WHERE c.kind = 'misconduct' AND c.category = 'sea'
                           AND EXISTS (SELECT 1 FROM jsonb_array_elements(c.investigations) i
                                        WHERE i->>'completed_on' IS NULL
                                          AND CAST(:today AS date) - CAST(i->>'opened_on' AS date) > :target)""", UUID.class)
                .setParameter("today", today)
                .setParameter("target", targetDays)
                .getResultList();
        // "in ()" is not valid SQL: an impossible id stands for the empty set
        return ids.isEmpty() ? List.of(new UUID(0, 0)) : ids;
    }

    /** The next reference of a mission's year, e.g. MINUSCA-2021-0042; numbers are never reused. */
    public String nextReference(String mission, int year) {
        Number next = (Number) getEntityManager().createNativeQuery("""
                        INSERT INTO case_reference_counter (mission_acronym, year, last_number) VALUES (:mission, :year, 1)
                        ON CONFLICT (mission_acronym, year)
                        DO UPDATE SET last_number = case_reference_counter.last_number + 1
                        RETURNING last_number""")
                .setParameter("mission", mission)
                .setParameter("year", year)
                .getSingleResult();
        return String.format("%s-%d-%04d", mission, year, next.intValue());
    }

    public void recordRead(UUID caseId, String reader, String view) {
        getEntityManager().createNativeQuery("INSERT INTO case_read (case_id, reader, view) VALUES (:id, :reader, :view)")
                .setParameter("id", caseId)
                .setParameter("reader", reader)
                .setParameter("view", view)
                .executeUpdate();
    }

    /** Reads of one case, newest first. */
    public Keyset.Page<Read> reads(UUID caseId, Keyset keyset) {
        String after = keyset.firstPage() ? "" : " AND (read_at, id) < (:kAt, :kId)";
        var query = getEntityManager().createNativeQuery("SELECT id, reader, read_at, view FROM case_read WHERE case_id = :id"
                        + after + " ORDER BY read_at DESC, id DESC LIMIT :limit")
                .setParameter("id", caseId)
                .setParameter("limit", keyset.fetchSize());
        if (!keyset.firstPage()) {
            query.setParameter("kAt", keyset.afterInstant(0)).setParameter("kId", keyset.afterLong(1));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<Read> reads = rows.stream().map(r -> new Read(((Number) r[0]).longValue(), (String) r[1],
                toOffset(r[2]), (String) r[3])).toList();
        return keyset.page(reads, r -> List.of(r.readAt().toString(), String.valueOf(r.id())));
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
