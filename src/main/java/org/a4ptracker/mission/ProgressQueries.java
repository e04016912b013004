package org.a4ptracker.mission;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.a4ptracker.platform.security.CallerScope;
import org.a4ptracker.platform.persistence.Dates;

/** The progress roll-ups, computed by PostgreSQL: only the answer's rows reach Java. */
@ApplicationScoped
class ProgressQueries {

    /** A priority's latest and previous assessment of one mission, with the trend between their scores. */
    record PriorityRow(String priorityCode, LocalDate latestPeriod, String latestRating, Integer latestScore,
                       LocalDate previousPeriod, String previousRating, Integer previousScore, String trend) {
    }

    record IndicatorRow(String priorityCode, UUID indicatorId, String code, String unit, BigDecimal baseline,
                        BigDecimal target, String direction, BigDecimal latestValue, LocalDate latestPeriod,
                        BigDecimal progressPercent) {
    }

    record MissionRatingRow(String missionAcronym, LocalDate period, String rating, Integer score) {
    }

    record RatingCount(String bucket, long missions) {
    }

    /** Score change, in points, from which a trend counts as improving or worsening. */
    static final int TREND_THRESHOLD = 5;

    private final EntityManager em;

    ProgressQueries(EntityManager em) {
        this.em = em;
    }

    List<PriorityRow> priorities(String mission) {
        List<Object[]> rows = em.createNativeQuery("""
                        WITH ranked AS (
                            SELECT priority_code, period_start, rating, score,
                                   row_number() OVER (PARTITION BY priority_code ORDER BY period_start DESC) AS rn
                              FROM assessment
                             WHERE mission_acronym = :mission)
                        SELECT p.code, l.period_start, l.rating, l.score, pv.period_start, pv.rating, pv.score,
                               CASE WHEN l.score IS NULL OR pv.score IS NULL THEN 'unknown'
                                    WHEN l.score - pv.score >= :threshold THEN 'improving'
                                    WHEN pv.score - l.score >= :threshold THEN 'worsening'
                                    ELSE 'stable' END
                          FROM priority p
                          LEFT JOIN ranked l ON l.priority_code = p.code AND l.rn = 1
                          LEFT JOIN ranked pv ON pv.priority_code = p.code AND pv.rn = 2
                         ORDER BY p.position""")
                .setParameter("mission", mission)
                .setParameter("threshold", TREND_THRESHOLD)
                .getResultList();
        return rows.stream().map(r -> new PriorityRow((String) r[0], Dates.fromSql(r[1]), (String) r[2], integer(r[3]),
                Dates.fromSql(r[4]), (String) r[5], integer(r[6]), (String) r[7])).toList();
    }

    List<IndicatorRow> indicators(String mission) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT DISTINCT ON (i.priority_code, i.code)
                               i.priority_code, i.id, i.code, i.unit, i.baseline, i.target, i.direction,
                               v.value, a.period_start,
                               CASE WHEN i.target = i.baseline THEN NULL
                                    ELSE round((v.value - i.baseline) / (i.target - i.baseline) * 100, 1) END
                          FROM assessment_indicator_value v
                          JOIN assessment a ON a.id = v.assessment_id
                          JOIN indicator i ON i.id = v.indicator_id
                         WHERE a.mission_acronym = :mission
                         ORDER BY i.priority_code, i.code, a.period_start DESC""")
                .setParameter("mission", mission)
                .getResultList();
        return rows.stream().map(r -> new IndicatorRow((String) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                (BigDecimal) r[4], (BigDecimal) r[5], (String) r[6], (BigDecimal) r[7], Dates.fromSql(r[8]),
                (BigDecimal) r[9])).toList();
    }

    /** The latest period in which any visible mission assessed this priority. */
    LocalDate latestPeriod(String priority, CallerScope scope) {
        Query query = em.createNativeQuery("SELECT max(period_start) FROM assessment WHERE priority_code = :priority"
                        + (scope.seesAll() ? "" : " AND mission_acronym IN (:visible)"))
                .setParameter("priority", priority);
        if (!scope.seesAll()) {
            query.setParameter("visible", scope.missions());
        }
        return Dates.fromSql(query.getSingleResult());
    }

    /**
     * The visible missions running in the quarter starting {@code period}, each with its latest
     * assessment of the priority up to that quarter (none when it has none).
     */
    private static String latestPerMission(CallerScope scope) {
        return """
                WITH running AS (
                    SELECT acronym FROM mission
                     WHERE start_date <= CAST(:period AS date) + interval '3 months' - interval '1 day'
                       AND (end_date IS NULL OR end_date >= CAST(:period AS date))""" + (scope.seesAll() ? "" : """

                       AND acronym IN (:visible)""") + """
                ),
                latest AS (
                    SELECT DISTINCT ON (a.mission_acronym) a.mission_acronym, a.period_start, a.rating, a.score
                      FROM assessment a JOIN running r ON r.acronym = a.mission_acronym
                     WHERE a.priority_code = :priority AND a.period_start <= CAST(:period AS date)
                     ORDER BY a.mission_acronym, a.period_start DESC)
                SELECT r.acronym, l.period_start, l.rating, l.score
                  FROM running r LEFT JOIN latest l ON l.mission_acronym = r.acronym
                """;
    }

    List<MissionRatingRow> missionRatings(String priority, LocalDate period, CallerScope scope) {
        List<Object[]> rows = bind(em.createNativeQuery(latestPerMission(scope) + " ORDER BY r.acronym"),
                priority, period, scope).getResultList();
        return rows.stream().map(r -> new MissionRatingRow((String) r[0], Dates.fromSql(r[1]), (String) r[2], integer(r[3])))
                .toList();
    }

    List<RatingCount> ratingCounts(String priority, LocalDate period, CallerScope scope) {
        List<Object[]> rows = bind(em.createNativeQuery("SELECT coalesce(rating, 'no_assessment'), count(*) FROM ("
                        + latestPerMission(scope) + ") per_mission GROUP BY 1"),
                priority, period, scope).getResultList();
        return rows.stream().map(r -> new RatingCount((String) r[0], ((Number) r[1]).longValue())).toList();
    }

    private static Query bind(Query query, String priority, LocalDate period, CallerScope scope) {
        query.setParameter("priority", priority).setParameter("period", period);
        if (!scope.seesAll()) {
            query.setParameter("visible", scope.missions());
        }
        return query;
    }


    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
