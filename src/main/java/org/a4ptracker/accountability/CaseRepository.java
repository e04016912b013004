package org.a4ptracker.accountability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.a4ptracker.accountability.CaseEntity.Category;
import org.a4ptracker.accountability.CaseEntity.Kind;
import org.a4ptracker.accountability.CaseEntity.Status;
import org.a4ptracker.platform.http.ProblemException;
import org.a4ptracker.platform.persistence.Keyset;
import org.a4ptracker.platform.persistence.TextSearch;
import org.a4ptracker.platform.security.CallerScope;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<CaseEntity, UUID> {

    /**
     * The one overdue rule, {@code accountability_case_overdue} (migration V8): an SEA case with an
     * investigation still open after more than the target days ({@code
     * a4p.sea-investigation-target-days}) on a given day. Lists filter by it and show it; a single
     * case asks it of its own state.
     */
    private static final String OVERDUE =
            "cast(function('accountability_case_overdue', c.category, c.investigations, :today, :target) as Boolean)";

    public record Filter(
            Kind kind,
            String mission,
            Status status,
            Category category,
            LocalDate reportedFrom,
            LocalDate reportedTo,
            Boolean overdue,
            String reference) {}

    /** A case as it is now, with whether it is overdue today. */
    public record Current(CaseEntity entity, boolean overdue) {}

    /**
     * A case of a list: the columns its summary shows (never the victims, subjects or
     * investigations, which a list has no use for), with whether it is overdue today.
     */
    public record Listed(
            UUID id,
            String reference,
            Kind kind,
            String missionAcronym,
            Status status,
            LocalDate reportedOn,
            LocalDate closedOn,
            Category category,
            CaseEntity.PersonnelCategory personnelCategory,
            CaseEntity.CrimeType crimeType,
            Boolean overdue) {}

    private final ObjectMapper json;
    private final int targetDays;

    CaseRepository(
            ObjectMapper json,
            @ConfigProperty(name = "a4p.sea-investigation-target-days") int targetDays) {
        this.json = json;
        this.targetDays = targetDays;
    }

    /** A case the caller may see, or 404. */
    public CaseEntity require(UUID id, CallerScope scope) {
        CaseEntity found = findById(id);
        if (found == null || !scope.sees(found.missionAcronym)) {
            throw ProblemException.notFound("No accountability case " + id + ".");
        }
        return found;
    }

    /** The case as it is now, with whether it is overdue {@code today}: one statement. */
    public Optional<Current> current(UUID id, LocalDate today) {
        @SuppressWarnings("unchecked")
        NativeQuery<Current> query =
                getEntityManager()
                        .createNativeQuery(
                                "SELECT c.*, accountability_case_overdue(c.category,"
                                        + " c.investigations, :today, :target) AS overdue"
                                        + " FROM accountability_case c WHERE c.id = :id")
                        .unwrap(NativeQuery.class)
                        .addEntity("c", CaseEntity.class)
                        .addScalar("overdue", StandardBasicTypes.BOOLEAN)
                        .setTupleTransformer(
                                (row, aliases) ->
                                        new Current((CaseEntity) row[0], (Boolean) row[1]))
                        .setParameter("id", id)
                        .setParameter("today", today)
                        .setParameter("target", targetDays);
        return query.getResultList().stream().findFirst();
    }

    /** Newest report first, then by id. */
    public Keyset.Page<Listed> page(
            Filter filter, CallerScope scope, Keyset keyset, LocalDate today) {
        List<String> where = new ArrayList<>();
        Parameters params = Parameters.with("today", today).and("target", targetDays);
        if (!scope.seesAll()) {
            where.add("c.missionAcronym in :visible");
            params.and("visible", scope.missions());
        }
        if (filter.kind() != null) {
            where.add("c.kind = :kind");
            params.and("kind", filter.kind());
        }
        if (filter.mission() != null) {
            where.add("c.missionAcronym = :mission");
            params.and("mission", filter.mission());
        }
        if (filter.status() != null) {
            where.add("c.status = :status");
            params.and("status", filter.status());
        }
        if (filter.category() != null) {
            where.add("c.category = :category");
            params.and("category", filter.category());
        }
        if (filter.reportedFrom() != null) {
            where.add("c.reportedOn >= :from");
            params.and("from", filter.reportedFrom());
        }
        if (filter.reportedTo() != null) {
            where.add("c.reportedOn <= :to");
            params.and("to", filter.reportedTo());
        }
        if (filter.reference() != null) {
            where.add("lower(c.reference) like :reference");
            params.and("reference", TextSearch.containing(filter.reference()));
        }
        if (filter.overdue() != null) {
            // A literal, not a parameter: PostgreSQL then plans `= true` as the rule itself,
            // which accountability_case_open_sea (V11) serves, in every plan of the statement.
            where.add(OVERDUE + (filter.overdue() ? " = true" : " = false"));
        }
        if (!keyset.firstPage()) {
            // The first condition bounds the index range, so a page deep in the list starts
            // where the previous one stopped instead of skipping every row before it.
            where.add("c.reportedOn <= :kDate and (c.reportedOn < :kDate or c.id > :kId)");
            params.and("kDate", keyset.afterDate(0)).and("kId", keyset.afterId(1));
        }
        var query =
                getEntityManager()
                        .createQuery(
                                "select new "
                                        + Listed.class.getName()
                                        + "(c.id, c.reference, c.kind, c.missionAcronym, c.status,"
                                        + " c.reportedOn, c.closedOn, c.category, c.personnelCategory,"
                                        + " c.crimeType, "
                                        + OVERDUE
                                        + ")"
                                        + " from CaseEntity c"
                                        + (where.isEmpty()
                                                ? ""
                                                : " where " + String.join(" and ", where))
                                        + " order by c.reportedOn desc, c.id",
                                Listed.class)
                        .setMaxResults(keyset.fetchSize());
        params.map().forEach(query::setParameter);
        return keyset.page(
                query.getResultList(), l -> List.of(l.reportedOn().toString(), l.id().toString()));
    }

    /**
     * Whether the case in the state given (now, as of a past instant, or just written) is overdue
     * on {@code day}.
     */
    public boolean overdue(CaseEntity c, LocalDate day) {
        return (Boolean)
                getEntityManager()
                        .createNativeQuery(
                                "SELECT accountability_case_overdue(:category, CAST(:investigations AS jsonb), :today, :target)")
                        .setParameter("category", c.category == null ? null : c.category.value())
                        .setParameter("investigations", asJson(c.investigations))
                        .setParameter("today", day)
                        .setParameter("target", targetDays)
                        .getSingleResult();
    }

    private String asJson(List<CaseRecords.Investigation> investigations) {
        try {
            return json.writeValueAsString(investigations);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Investigations could not be written as JSON", e);
        }
    }

    /** The next reference of a mission's year, e.g. MINUSCA-2021-0042; numbers are never reused. */
    public String nextReference(String mission, int year) {
        Number next =
                (Number)
                        getEntityManager()
                                .createNativeQuery(
                                        """
                        INSERT INTO case_reference_counter (mission_acronym, year, last_number) VALUES (:mission, :year, 1)
                        ON CONFLICT (mission_acronym, year)
                        DO UPDATE SET last_number = case_reference_counter.last_number + 1
                        RETURNING last_number""")
                                .setParameter("mission", mission)
                                .setParameter("year", year)
                                .getSingleResult();
        return String.format("%s-%d-%04d", mission, year, next.intValue());
    }
}
