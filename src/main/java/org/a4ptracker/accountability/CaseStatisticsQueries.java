package org.a4ptracker.accountability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
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
 *
 * <p>Whole report years come from the tables the triggers of migration V12 keep (what each case
 * adds, summed per mission, year, kind, category, personnel category and status); only the part of
 * a year that a date filter cuts is read from the cases themselves, through the same SQL functions
 * the triggers use. Both parts are read in one statement, so they agree with each other.
 */
@ApplicationScoped
class CaseStatisticsQueries {

    /**
     * What statistics may be grouped by, each with its column (aliased by its name in the rows).
     */
    enum Dimension implements StoredEnum {
        MISSION("mission_acronym"),
        YEAR("year"),
        KIND("kind"),
        CATEGORY("category"),
        PERSONNEL_CATEGORY("personnel_category"),
        STATUS("status");

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
        Session session = em.unwrap(Session.class);
        int previous = session.doReturningWork(Connection::getNetworkTimeout);
        session.doWork(connection -> connection.setNetworkTimeout(Runnable::run, network));
        transaction.putResource(BOUNDED, Boolean.TRUE);
        // The pooled connection goes back with the service's own read timeout.
        transaction.registerInterposedSynchronization(
                new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                        session.doWork(c -> c.setNetworkTimeout(Runnable::run, previous));
                    }

                    @Override
                    public void afterCompletion(int status) {}
                });
    }

    List<Allegations> allegations(List<Dimension> by, Filter filter, CallerScope scope) {
        return run(
                        by,
                        List.of(),
                        """
                coalesce(sum(cases), 0) AS allegations,
                coalesce(sum(victims), 0) AS victims, coalesce(sum(women), 0) AS women,
                coalesce(sum(girls), 0) AS girls, coalesce(sum(men), 0) AS men,
                coalesce(sum(boys), 0) AS boys, coalesce(sum(age_unknown), 0) AS age_unknown""",
                        CASES,
                        CaseStatisticsQueries::asIs,
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
                        List.of("entity"),
                        // The median of the completed durations, as percentile_cont(0.5) gives it,
                        // from the count of each duration: the mean of the values at the middle
                        // positions floor((total - 1) / 2) and floor(total / 2), 0-based, where
                        // `upto` counts the completed durations up to and including a row's.
                        """
                coalesce(sum(n), 0) AS investigations,
                coalesce(sum(n) FILTER (WHERE completed), 0) AS completed,
                CAST(min(days) FILTER (WHERE counted AND upto > floor((total - 1) / 2.0))
                     + min(days) FILTER (WHERE counted AND upto > floor(total / 2.0)) AS float8) / 2
                    AS median_days""",
                        INVESTIGATIONS,
                        CaseStatisticsQueries::durations,
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
                        List.of("type"),
                        "coalesce(sum(n), 0) AS actions",
                        FINAL_ACTIONS,
                        CaseStatisticsQueries::asIs,
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
                        List.of(),
                        """
                coalesce(sum(cases), 0) AS cases, coalesce(sum(killed), 0) AS killed,
                coalesce(sum(injured), 0) AS injured, coalesce(sum(identified), 0) AS identified,
                coalesce(sum(arrested), 0) AS arrested, coalesce(sum(charged), 0) AS charged,
                coalesce(sum(tried), 0) AS tried, coalesce(sum(convicted), 0) AS convicted,
                coalesce(sum(acquitted), 0) AS acquitted""",
                        CASES,
                        CaseStatisticsQueries::asIs,
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
     * Where the rows of one statistic come from: a table the triggers keep (per whole report year)
     * and the cases themselves, each with the dimension columns followed by the same measures.
     */
    private record Source(String kept, String keptMeasures, String cases, String caseMeasures) {}

    private static final String KEPT_DIMENSIONS =
            "c.mission_acronym, c.year, c.kind, c.category, c.personnel_category, c.status";

    private static final String CASE_DIMENSIONS =
            "c.mission_acronym, CAST(extract(year FROM c.reported_on) AS integer) AS year, c.kind,"
                    + " c.category, c.personnel_category, c.status";

    /** Cases, their victims and the judicial pipeline's numbers. */
    private static final Source CASES =
            new Source(
                    "case_statistics c",
                    "c.cases, c.victims, c.women, c.girls, c.men, c.boys, c.age_unknown, c.killed,"
                            + " c.injured, c.identified, c.arrested, c.charged, c.tried,"
                            + " c.convicted, c.acquitted",
                    "accountability_case c"
                            + " CROSS JOIN LATERAL accountability_case_victim_counts(c.victims) v",
                    "1 AS cases, v.total AS victims, v.women, v.girls, v.men, v.boys,"
                            + " v.age_unknown, c.peacekeepers_killed AS killed,"
                            + " c.peacekeepers_injured AS injured, c.suspects_identified AS"
                            + " identified, c.suspects_arrested AS arrested, c.suspects_charged AS"
                            + " charged, c.suspects_tried AS tried, c.suspects_convicted AS"
                            + " convicted, c.suspects_acquitted AS acquitted");

    /** Investigations: how many of each entity, completed or not, took how many days. */
    private static final Source INVESTIGATIONS =
            new Source(
                    "case_investigation_statistics c",
                    "c.entity, c.completed, c.days, c.investigations AS n",
                    "accountability_case c CROSS JOIN LATERAL"
                            + " accountability_case_investigation_rows(c.investigations) i",
                    "i.entity, i.completed, i.days, 1 AS n");

    private static final Source FINAL_ACTIONS =
            new Source(
                    "case_final_action_statistics c",
                    "c.type, c.actions AS n",
                    "accountability_case c CROSS JOIN LATERAL"
                            + " accountability_case_final_action_rows(c.final_actions) a",
                    "a.type, 1 AS n");

    /** The rows as they come. */
    private static String asIs(String rows, String keys) {
        return rows + " c";
    }

    /**
     * The investigations' rows with, per group and entity, the running count of the completed
     * durations in duration order ({@code upto}, equal durations counted together) and their {@code
     * total}.
     */
    private static String durations(String rows, String keys) {
        String partition = keys.isEmpty() ? "" : "PARTITION BY " + keys;
        return "(SELECT d.*, sum(d.n) FILTER (WHERE d.counted) OVER ("
                + partition
                + " ORDER BY d.days) AS upto, sum(d.n) FILTER (WHERE d.counted) OVER ("
                + partition
                + ") AS total FROM (SELECT r.*, r.completed AND r.days IS NOT NULL AS counted FROM "
                + rows
                + " r"
                + ") d) c";
    }

    /**
     * Groups the rows of {@code source} (as {@code shape} makes a FROM item, alias c, of the rows'
     * query and the key columns) by the dimensions, then by {@code extraKeys}, and returns them in
     * key order.
     */
    private List<Tuple> run(
            List<Dimension> by,
            List<String> extraKeys,
            String measures,
            Source source,
            BinaryOperator<String> shape,
            Filter filter,
            CallerScope scope) {
        Map<String, String> keys = new LinkedHashMap<>();
        by.forEach(d -> keys.put(d.value(), d.column));
        extraKeys.forEach(k -> keys.put(k, k));
        List<String> both = new ArrayList<>();
        if (!scope.seesAll()) {
            both.add("c.mission_acronym IN (:visible)");
        }
        if (filter.kind() != null) {
            both.add("c.kind = :kind");
        }
        if (filter.mission() != null) {
            both.add("c.mission_acronym = :mission");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> kept = new ArrayList<>(both);
        List<String> cases = new ArrayList<>(both);
        splitByYear(filter.reportedFrom(), filter.reportedTo(), kept, cases, params);
        boundStatements();
        String rows =
                "(SELECT "
                        + KEPT_DIMENSIONS
                        + ", "
                        + source.keptMeasures()
                        + " FROM "
                        + source.kept()
                        + where(kept)
                        + " UNION ALL SELECT "
                        + CASE_DIMENSIONS
                        + ", "
                        + source.caseMeasures()
                        + " FROM "
                        + source.cases()
                        + where(cases)
                        + ")";
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
                        "SELECT " + select + " FROM " + shape.apply(rows, columns) + groupBy,
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
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Tuple> rowsFound = query.getResultList();
        return rowsFound;
    }

    /**
     * Adds the report date filter: the kept rows of the report years wholly inside it, and the
     * cases of the years it cuts (none without a date filter: every year is whole then).
     */
    private static void splitByYear(
            LocalDate from,
            LocalDate to,
            List<String> kept,
            List<String> cases,
            Map<String, Object> params) {
        List<String> cutYears = new ArrayList<>();
        if (from != null) {
            boolean cut = from.getDayOfYear() != 1;
            kept.add("c.year >= :firstWholeYear");
            params.put("firstWholeYear", cut ? from.getYear() + 1 : from.getYear());
            cases.add("c.reported_on >= :from");
            params.put("from", from);
            if (cut) {
                cutYears.add("c.reported_on <= :fromYearEnd");
                params.put("fromYearEnd", LocalDate.of(from.getYear(), 12, 31));
            }
        }
        if (to != null) {
            boolean cut = !to.equals(LocalDate.of(to.getYear(), 12, 31));
            kept.add("c.year <= :lastWholeYear");
            params.put("lastWholeYear", cut ? to.getYear() - 1 : to.getYear());
            cases.add("c.reported_on <= :to");
            params.put("to", to);
            if (cut) {
                cutYears.add("c.reported_on >= :toYearStart");
                params.put("toYearStart", LocalDate.of(to.getYear(), 1, 1));
            }
        }
        cases.add(cutYears.isEmpty() ? "false" : "(" + String.join(" OR ", cutYears) + ")");
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
}
