package org.a4ptracker.accountability;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.a4ptracker.api.model.PipelineTotals;
import org.a4ptracker.platform.security.CallerScope;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * The published statistics, aggregated by PostgreSQL over the cases the caller may see. The
 * grouping columns come only from {@link #DIMENSIONS}, never from the request text.
 */
@ApplicationScoped
public class CaseStatisticsQueries implements JudicialPipelines {

    @Override
    public PipelineTotals ofMission(String mission, CallerScope scope) {
        return judicialPipeline(new Filter(null, mission, null, null), scope).stream()
                .findFirst()
                .orElseGet(() -> new PipelineTotals().missionAcronym(mission).cases(0).peacekeepersKilled(0)
                        .peacekeepersInjured(0).suspectsIdentified(0).arrested(0).charged(0).tried(0).convicted(0)
                        .acquitted(0));
    }


    static final Map<String, String> DIMENSIONS = Map.of(
            "mission", "c.mission_acronym",
            "year", "CAST(extract(year FROM c.reported_on) AS integer)",
            "kind", "c.kind",
            "category", "c.category",
            "personnel_category", "c.personnel_category",
            "status", "c.status");

    public record Filter(String kind, String mission, LocalDate reportedFrom, LocalDate reportedTo) {
    }

    /** A row: the values of the grouping dimensions, then the measures. */
    record Row(List<Object> key, Object[] measures) {
    }

    /** Marks a transaction whose statements are already bounded. */
    private static final Object BOUNDED = new Object();
    /** How much longer than the statement timeout the driver waits for the database's answer. */
    private static final long NETWORK_MARGIN_MS = 2_000;

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transaction;
    private final Duration statementTimeout;

    CaseStatisticsQueries(EntityManager em, TransactionSynchronizationRegistry transaction,
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
        em.unwrap(Session.class).doWork(connection -> connection.setNetworkTimeout(Runnable::run, network));
        transaction.putResource(BOUNDED, Boolean.TRUE);
    }

    /** Allegations and victims by sex and age group, per group. */
    List<Row> allegations(List<String> dimensions, Filter filter, CallerScope scope) {
        return run(dimensions, """
                count(*),
                coalesce(sum(v.total), 0), coalesce(sum(v.women), 0), coalesce(sum(v.girls), 0),
                coalesce(sum(v.men), 0), coalesce(sum(v.boys), 0), coalesce(sum(v.unknown), 0)""", """
                accountability_case c
                CROSS JOIN LATERAL (
                    SELECT count(*) AS total,
                           count(*) FILTER (WHERE e->>'sex' = 'female' AND e->>'age_group' = 'adult') AS women,
                           count(*) FILTER (WHERE e->>'sex' = 'female' AND e->>'age_group' = 'minor') AS girls,
                           count(*) FILTER (WHERE e->>'sex' = 'male' AND e->>'age_group' = 'adult') AS men,
                           count(*) FILTER (WHERE e->>'sex' = 'male' AND e->>'age_group' = 'minor') AS boys,
                           count(*) FILTER (WHERE e->>'sex' = 'unknown' OR e->>'age_group' = 'unknown') AS unknown
                      FROM jsonb_array_elements(c.victims) e) v""", List.of(), filter, scope);
    }

    /** Investigations per entity: how many, how many completed, and the median days of the completed. */
    List<Row> investigations(List<String> dimensions, Filter filter, CallerScope scope) {
        return run(dimensions, """
                count(*), count(i->>'completed_on'),
                percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(i->>'completed_on' AS date) - CAST(i->>'opened_on' AS date))
                    FILTER (WHERE i->>'completed_on' IS NOT NULL)""",
                "accountability_case c CROSS JOIN LATERAL jsonb_array_elements(c.investigations) i",
                List.of("i->>'entity'"), filter, scope);
    }

    /** Final actions per type. */
    List<Row> finalActions(List<String> dimensions, Filter filter, CallerScope scope) {
        return run(dimensions, "count(*)",
                "accountability_case c CROSS JOIN LATERAL jsonb_array_elements(c.final_actions) a",
                List.of("a->>'type'"), filter, scope);
    }

    /**
     * The host states' judicial follow-up of crimes against peacekeepers, per mission: used by the
     * case statistics and by the host-country partnership summary.
     */
    public List<PipelineTotals> judicialPipeline(Filter filter, CallerScope scope) {
        if (filter.kind() != null && !CaseEntity.CRIME.equals(filter.kind())
                || !scope.seesAll() && scope.missions().isEmpty()) {
            return List.of();
        }
        Filter crimes = new Filter(CaseEntity.CRIME, filter.mission(), filter.reportedFrom(), filter.reportedTo());
        return run(List.of("mission"), """
                count(*), coalesce(sum(c.peacekeepers_killed), 0), coalesce(sum(c.peacekeepers_injured), 0),
                coalesce(sum(c.suspects_identified), 0), coalesce(sum(c.suspects_arrested), 0),
                coalesce(sum(c.suspects_charged), 0), coalesce(sum(c.suspects_tried), 0),
                coalesce(sum(c.suspects_convicted), 0), coalesce(sum(c.suspects_acquitted), 0)""",
                "accountability_case c", List.of(), crimes, scope).stream()
                .map(row -> {
                    Object[] m = row.measures();
                    return new PipelineTotals()
                            .missionAcronym((String) row.key().get(0))
                            .cases(count(m[0]))
                            .peacekeepersKilled(count(m[1]))
                            .peacekeepersInjured(count(m[2]))
                            .suspectsIdentified(count(m[3]))
                            .arrested(count(m[4]))
                            .charged(count(m[5]))
                            .tried(count(m[6]))
                            .convicted(count(m[7]))
                            .acquitted(count(m[8]));
                })
                .toList();
    }

    private static int count(Object value) {
        return ((Number) value).intValue();
    }

    private List<Row> run(List<String> dimensions, String measures, String from, List<String> extraKeys,
                          Filter filter, CallerScope scope) {
        List<String> keys = new ArrayList<>(dimensions.stream().map(DIMENSIONS::get).toList());
        keys.addAll(extraKeys);
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
        String select = keys.isEmpty() ? measures : String.join(", ", keys) + ", " + measures;
        String groupBy = keys.isEmpty() ? "" : " GROUP BY " + String.join(", ", keys) + " ORDER BY " + String.join(", ", keys);
        Query query = em.createNativeQuery("SELECT " + select + " FROM " + from + " WHERE " + String.join(" AND ", where) + groupBy);
        if (!scope.seesAll()) {
            query.setParameter("visible", scope.missions());
        }
        if (filter.kind() != null) {
            query.setParameter("kind", filter.kind());
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
        List<Object> rows = query.getResultList();
        int keyCount = keys.size();
        List<Row> result = new ArrayList<>();
        for (Object raw : rows) {
            Object[] row = raw instanceof Object[] array ? array : new Object[] {raw};
            List<Object> key = java.util.Arrays.asList(java.util.Arrays.copyOfRange(row, 0, keyCount));
            result.add(new Row(key, java.util.Arrays.copyOfRange(row, keyCount, row.length)));
        }
        return result;
    }
}
