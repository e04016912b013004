package org.a4ptracker.mission;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.a4ptracker.platform.http.ProblemException;
import org.a4ptracker.platform.persistence.Keyset;
import org.a4ptracker.platform.persistence.TextSearch;
import org.a4ptracker.platform.security.CallerScope;

@ApplicationScoped
public class MissionRepository implements PanacheRepositoryBase<MissionEntity, String> {

    public record Filter(
            MissionEntity.Status status,
            String hostCountry,
            String text,
            LocalDate startedAfter,
            LocalDate startedBefore,
            String sort) {}

    /**
     * A mission the caller may see, or 404: a mission outside the caller's scope does not exist for
     * them.
     */
    public MissionEntity require(String acronym, CallerScope scope) {
        MissionEntity mission = scope.sees(acronym) ? findById(acronym) : null;
        if (mission == null) {
            throw ProblemException.notFound("No mission " + acronym + ".");
        }
        return mission;
    }

    /** The missions the caller may see, by acronym. */
    List<MissionEntity> visible(CallerScope scope) {
        return scope.seesAll()
                ? listAll(Sort.by("acronym"))
                : list("acronym in ?1", Sort.by("acronym"), scope.missions());
    }

    public Keyset.Page<MissionEntity> page(Filter filter, CallerScope scope, Keyset keyset) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (!scope.seesAll()) {
            where.add("acronym in :visible");
            params.and("visible", scope.missions());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            params.and("status", filter.status());
        }
        if (filter.hostCountry() != null) {
            where.add("array_contains(hostCountries, :country)");
            params.and("country", filter.hostCountry());
        }
        if (filter.text() != null) {
            where.add(
                    "(lower(acronym) like :text or lower(nameEn) like :text or lower(nameFr) like :text)");
            params.and("text", TextSearch.containing(filter.text()));
        }
        if (filter.startedAfter() != null) {
            where.add("startDate >= :after");
            params.and("after", filter.startedAfter());
        }
        if (filter.startedBefore() != null) {
            where.add("startDate <= :before");
            params.and("before", filter.startedBefore());
        }
        boolean descending = filter.sort().startsWith("-");
        boolean byDate = filter.sort().endsWith("start_date");
        String cmp = descending ? "<" : ">";
        if (!keyset.firstPage()) {
            if (byDate) {
                where.add(
                        "(startDate "
                                + cmp
                                + " :keyDate or (startDate = :keyDate and acronym "
                                + cmp
                                + " :keyAcronym))");
                params.and("keyDate", keyset.afterDate(0)).and("keyAcronym", keyset.after(1));
            } else {
                where.add("acronym " + cmp + " :keyAcronym");
                params.and("keyAcronym", keyset.after(1));
            }
        }
        String direction = descending ? " desc" : "";
        String order =
                byDate
                        ? "order by startDate" + direction + ", acronym" + direction
                        : "order by acronym" + direction;
        String query = where.isEmpty() ? order : String.join(" and ", where) + " " + order;
        List<MissionEntity> rows = find(query, params).range(0, keyset.fetchSize() - 1).list();
        return keyset.page(rows, m -> List.of(m.startDate.toString(), m.acronym));
    }
}
