package org.a4ptracker.accountability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.a4ptracker.accountability.CaseEntity.Category;
import org.a4ptracker.accountability.CaseEntity.Kind;
import org.a4ptracker.accountability.CaseEntity.PersonnelCategory;
import org.a4ptracker.accountability.CaseEntity.Status;
import org.a4ptracker.accountability.CaseRecords.FinalActionType;
import org.a4ptracker.accountability.CaseRecords.InvestigatingEntity;
import org.a4ptracker.platform.persistence.StoredEnum;
import org.a4ptracker.platform.security.CallerScope;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * The published statistics, aggregated by PostgreSQL over the cases the caller may see. The
 * grouping columns come only from {@link Dimension}, never from the request text; every row is read
 * by column name into a record.
 */
@ApplicationScoped
class CaseStatisticsQueries {

    /**
     * What statistics may be grouped by, each with its column (aliased by its name in the rows).
     */
    enum Dimension implements StoredEnum {
        MISSION("c.mission_acronym"),
        YEAR("CAST(extract(year FROM c.reported_on) AS integer)"),
        KIND("c.kind"),
        CATEGORY("c.category"),
        PERSONNEL_CATEGORY("c.personnel_category"),
        STATUS("c.status");

        private final String column;

        Dimension(String column) {
            this.column = column;
        }
    }

    public record Filter(Kind kind, String mission, LocalDate reportedFrom, LocalDate reportedTo) {}

    /** The values of the dimensions a row is grouped by; those not grouped by are null. */
    record Group(
            String mission,
            Integer year,
            Kind kind,
            Category category,
            PersonnelCategory personnelCategory,
            Status status) {

        static Group of(Tuple row, List<Dimension> by) {
            Number year = by.contains(Dimension.YEAR) ? row.get("year", Number.class) : null;
            return new Group(
                    by.contains(Dimension.MISSION) ? row.get("mission", String.class) : null,
                    year == null ? null : year.intValue(),
                    by.contains(Dimension.KIND)
                            ? StoredEnum.of(Kind.class, row.get("kind", String.class))
                            : null,
                    by.contains(Dimension.CATEGORY)
                            ? StoredEnum.of(Category.class, row.get("category", String.class))
                            : null,
                    by.contains(Dimension.PERSONNEL_CATEGORY)
                            ? StoredEnum.of(
                                    PersonnelCategory.class,
                                    row.get("personnel_category", String.class))
                            : null,
                    by.contains(Dimension.STATUS)
                            ? StoredEnum.of(Status.class, row.get("status", String.class))
                            : null);
        }
    }

    /** Allegations (one per case) and their victims by sex and age group. */
    record Allegations(
            Group group,
            int allegations,
            int victims,
            int women,
            int girls,
            int men,
            int boys,
            int ageUnknown) {}

    /**
     * Investigations by one entity: how many, how many completed, the median days of the completed.
     */
    record Investigations(
            Group group,
            InvestigatingEntity entity,
            int investigations,
            int completed,
            Double medianDays) {}

    record FinalActions(Group group, FinalActionType type, int actions) {}

    /** The host state's judicial follow-up of the crimes against peacekeepers in one mission. */
    record Pipeline(
            String mission,
            int cases,
            int peacekeepersKilled,
            int peacekeepersInjured,
            int suspectsIdentified,
            int arrested,
            int charged,
            int tried,
            int convicted,
            int acquitted) {

        static Pipeline none(String mission) {
            return new Pipeline(mission, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
    }

    /** Marks a transaction whose statements are already bounded. */
    private static final Object BOUNDED = new Object();

    /** How much longer than the statement timeout the driver waits for the database's answer. */
    private static final long NETWORK_MARGIN_MS = 2_000;

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transaction;
    private final Duration statementTimeout;

    CaseStatisticsQueries(
            EntityManager em,
            TransactionSynchronizationRegistry transaction,
            @ConfigProperty(name = "a4p.statistics.statement-timeout", defaultValue = "10s")
                    Duration statementTimeout) {
        this.em = em;
        this.transaction = transaction;
        this.statementTimeout = statementTimeout;
    }

    /**
     * Runs the rest of the current transaction under the statistics statement timeout (SET LOCAL:
     * it ends with the transaction). PostgreSQL cancels a statement that runs longer (SQLSTATE
     * 57014), which answers 503. The driver's socket timeout is kept short so that a hung database
     * answers 503 quickly; it would cut a long statistics query first, so this connection waits for
     * the statement timeout plus a margin (Agroal restores the connection's setting on return). The
     * set_config round trip itself still runs under the short socket timeout.
     */
    private void boundStatements() {
        long millis = statementTimeout.toMillis();
        if (millis <= 0 || transaction.getResource(BOUNDED) != null) {
            return;
        }
        em.createNativeQuery("SELECT set_config('statement_timeout', :limit, true)")
                .setParameter("limit", millis + "ms")
                .getSingleResult();
        int network = (int) Math.min(Integer.MAX_VALUE, millis + NETWORK_MARGIN_MS);
        em.unwrap(Session.class)
                .doWork(connection -> connection.setNetworkTimeout(Runnable::run, network));
        transaction.putResource(BOUNDED, Boolean.TRUE);
    }

    List<Allegations> allegations(List<Dimension> by, Filter filter, CallerScope scope) {
        return run(
                        by,
                        Map.of(),
                        """
                count(*) AS allegations,
                coalesce(sum(v.total), 0) AS victims, coalesce(sum(v.women), 0) AS women,
                coalesce(sum(v.girls), 0) AS girls, coalesce(sum(v.men), 0) AS men,
                coalesce(sum(v.boys), 0) AS boys, coalesce(sum(v.unknown), 0) AS age_unknown""",
                        """
                accountability_case c
                CROSS JOIN LATERAL (
                    SELECT count(*) AS total,
                           count(*) FILTER (WHERE e->>'sex' = 'female' AND e->>'age_group' = 'adult') AS women,
                           count(*) FILTER (WHERE e->>'sex' = 'female' AND e->>'age_group' = 'minor') AS girls,
                           count(*) FILTER (WHERE e->>'sex' = 'male' AND e->>'age_group' = 'adult') AS men,
                           count(*) FILTER (WHERE e->>'sex' = 'male' AND e->>'age_group' = 'minor') AS boys,
                           count(*) FILTER (WHERE e->>'sex' = 'unknown' OR e->>'age_group' = 'unknown') AS unknown
                      FROM jsonb_array_elements(c.victims) e) v""",
                        filter,
                        scope)
                .stream()
                .map(
                        row ->
                                new Allegations(
                                        Group.of(row, by),
                                        count(row, "allegations"),
                                        count(row, "victims"),
                                        count(row, "women"),
                                        count(row, "girls"),
                                        count(row, "men"),
                                        count(row, "boys"),
                                        count(row, "age_unknown")))
                .toList();
    }

    List<Investigations> investigations(List<Dimension> by, Filter filter, CallerScope scope) {
        return run(
                        by,
                        Map.of("entity", "i->>'entity'"),
                        """
                count(*) AS investigations, count(i->>'completed_on') AS completed,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(i->>'completed_on' AS date) - CAST(i->>'opened_on' AS date))
                    FILTER (WHERE i->>'completed_on' IS NOT NULL) AS median_days""",
                        "accountability_case c CROSS JOIN LATERAL jsonb_array_elements(c.investigations) i",
                        filter,
                        scope)
                .stream()
                .map(
                        row -> {
                            Number median = row.get("median_days", Number.class);
                            return new Investigations(
                                    Group.of(row, by),
                                    StoredEnum.of(
                                            InvestigatingEntity.class,
                                            row.get("entity", String.class)),
                                    count(row, "investigations"),
                                    count(row, "completed"),
                                    median == null ? null : median.doubleValue());
                        })
                .toList();
    }

    List<FinalActions> finalActions(List<Dimension> by, Filter filter, CallerScope scope) {
        return run(
                        by,
                        Map.of("type", "a->>'type'"),
                        "count(*) AS actions",
                        "accountability_case c CROSS JOIN LATERAL jsonb_array_elements(c.final_actions) a",
                        filter,
                        scope)
                .stream()
                .map(
                        row ->
                                new FinalActions(
                                        Group.of(row, by),
                                        StoredEnum.of(
                                                FinalActionType.class,
                                                row.get("type", String.class)),
                                        count(row, "actions")))
                .toList();
    }

    /**
     * The host states' judicial follow-up of crimes against peacekeepers, per mission: used by the
     * case statistics and by the host-country partnership summary.
     */
    List<Pipeline> judicialPipeline(Filter filter, CallerScope scope) {
        if (filter.kind() != null && filter.kind() != Kind.CRIME_AGAINST_PEACEKEEPERS
                || !scope.seesAll() && scope.missions().isEmpty()) {
            return List.of();
        }
        Filter crimes =
                new Filter(
                        Kind.CRIME_AGAINST_PEACEKEEPERS,
                        filter.mission(),
                        filter.reportedFrom(),
                        filter.reportedTo());
        return run(
                        List.of(Dimension.MISSION),
                        Map.of(),
                        """
                count(*) AS cases, coalesce(sum(c.peacekeepers_killed), 0) AS killed,
                coalesce(sum(c.peacekeepers_injured), 0) AS injured, coalesce(sum(c.suspects_identified), 0) AS identified,
                coalesce(sum(c.suspects_arrested), 0) AS arrested, coalesce(sum(c.suspects_charged), 0) AS charged,
                coalesce(sum(c.suspects_tried), 0) AS tried, coalesce(sum(c.suspects_convicted), 0) AS convicted,
                coalesce(sum(c.suspects_acquitted), 0) AS acquitted""",
                        "accountability_case c",
                        crimes,
                        scope)
                .stream()
                .map(
                        row ->
                                new Pipeline(
                                        row.get("mission", String.class),
                                        count(row, "cases"),
                                        count(row, "killed"),
                                        count(row, "injured"),
                                        count(row, "identified"),
                                        count(row, "arrested"),
                                        count(row, "charged"),
                                        count(row, "tried"),
                                        count(row, "convicted"),
                                        count(row, "acquitted")))
                .toList();
    }

    private static int count(Tuple row, String alias) {
        return row.get(alias, Number.class).intValue();
    }

    /**
     * Groups by the dimensions, then by {@code extraKeys} (alias to column), and returns the rows
     * in key order.
     */
    private List<Tuple> run(
            List<Dimension> by,
            Map<String, String> extraKeys,
            String measures,
            String from,
            Filter filter,
            CallerScope scope) {
        Map<String, String> keys = new LinkedHashMap<>();
        by.forEach(d -> keys.put(d.value(), d.column));
        keys.putAll(extraKeys);
        List<String> where = new ArrayList<>(List.of("true"));
        if (!scope.seesAll()) {
            where.add("c.mission_acronym IN (:visible)");
        }
        if (filter.kind() != null) {
            where.add("c.kind = :kind");
        }
        if (filter.mission() != null) {
            where.add("c.mission_acronym = :mission");
        }
        if (filter.reportedFrom() != null) {
            where.add("c.reported_on >= :from");
        }
        if (filter.reportedTo() != null) {
            where.add("c.reported_on <= :to");
        }
        boundStatements();
        String select =
                Stream.concat(
                                keys.entrySet().stream()
                                        .map(k -> k.getValue() + " AS " + k.getKey()),
                                Stream.of(measures))
                        .collect(Collectors.joining(", "));
        String columns = String.join(", ", keys.values());
        String groupBy = keys.isEmpty() ? "" : " GROUP BY " + columns + " ORDER BY " + columns;
        Query query =
                em.createNativeQuery(
                        "SELECT "
                                + select
                                + " FROM "
                                + from
                                + " WHERE "
                                + String.join(" AND ", where)
                                + groupBy,
                        Tuple.class);
        if (!scope.seesAll()) {
            query.setParameter("visible", scope.missions());
        }
        if (filter.kind() != null) {
            query.setParameter("kind", filter.kind().value());
        }
        if (filter.mission() != null) {
            query.setParameter("mission", filter.mission());
        }
        if (filter.reportedFrom() != null) {
            query.setParameter("from", filter.reportedFrom());
        }
        if (filter.reportedTo() != null) {
            query.setParameter("to", filter.reportedTo());
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows;
    }
}
