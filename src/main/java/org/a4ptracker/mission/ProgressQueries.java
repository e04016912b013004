package org.a4ptracker.mission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.a4ptracker.platform.persistence.Dates;
import org.a4ptracker.platform.persistence.StoredEnum;
import org.a4ptracker.platform.security.CallerScope;

/** The progress roll-ups over the mission feature's own tables, computed by PostgreSQL. */
@ApplicationScoped
class ProgressQueries {

    /**
     * A priority's latest and previous assessment by one mission (the previous fields null after a
     * single one).
     */
    record PriorityRow(
            String priorityCode,
            LocalDate latestPeriod,
            AssessmentEntity.Rating latestRating,
            Integer latestScore,
            LocalDate previousPeriod,
            AssessmentEntity.Rating previousRating,
            Integer previousScore) {}

    /**
     * The latest value a mission recorded for an indicator, and the quarter it was recorded for.
     */
    record IndicatorRow(UUID indicatorId, BigDecimal latestValue, LocalDate latestPeriod) {}

    /**
     * A mission with its latest assessment of a priority up to a quarter; period, rating and score
     * null for none.
     */
    record MissionRatingRow(
            String missionAcronym,
            LocalDate period,
            AssessmentEntity.Rating rating,
            Integer score) {}

    private final EntityManager em;

    ProgressQueries(EntityManager em) {
        this.em = em;
    }

    /** One row per priority the mission has assessed. */
    List<PriorityRow> priorities(String mission) {
        return tuples(
                        em.createNativeQuery(
                                        """
                        WITH ranked AS (
                            SELECT priority_code, period_start, rating, score,
                                   row_number() OVER (PARTITION BY priority_code ORDER BY period_start DESC) AS rn
                              FROM assessment
                             WHERE mission_acronym = :mission)
                        SELECT l.priority_code, l.period_start AS latest_period, l.rating AS latest_rating,
                               l.score AS latest_score, pv.period_start AS previous_period,
                               pv.rating AS previous_rating, pv.score AS previous_score
                          FROM ranked l
                          LEFT JOIN ranked pv ON pv.priority_code = l.priority_code AND pv.rn = 2
                         WHERE l.rn = 1""",
                                        Tuple.class)
                                .setParameter("mission", mission))
                .stream()
                .map(
                        t ->
                                new PriorityRow(
                                        t.get("priority_code", String.class),
                                        date(t, "latest_period"),
                                        rating(t, "latest_rating"),
                                        integer(t, "latest_score"),
                                        date(t, "previous_period"),
                                        rating(t, "previous_rating"),
                                        integer(t, "previous_score")))
                .toList();
    }

    /** One row per indicator the mission has recorded a value for. */
    List<IndicatorRow> indicators(String mission) {
        return tuples(
                        em.createNativeQuery(
                                        """
                        SELECT DISTINCT ON (v.indicator_id) v.indicator_id, v.value, a.period_start
                          FROM assessment_indicator_value v
                          JOIN assessment a ON a.id = v.assessment_id
                         WHERE a.mission_acronym = :mission
                         ORDER BY v.indicator_id, a.period_start DESC""",
                                        Tuple.class)
                                .setParameter("mission", mission))
                .stream()
                .map(
                        t ->
                                new IndicatorRow(
                                        t.get("indicator_id", UUID.class),
                                        t.get("value", BigDecimal.class),
                                        date(t, "period_start")))
                .toList();
    }

    /**
     * The latest quarter in which any visible mission assessed this priority; null when none did.
     */
    LocalDate latestPeriod(String priority, CallerScope scope) {
        TypedQuery<LocalDate> query =
                em.createQuery(
                                "select max(a.periodStart) from AssessmentEntity a"
                                        + " where a.priorityCode = :priority"
                                        + (scope.seesAll()
                                                ? ""
                                                : " and a.missionAcronym in :visible"),
                                LocalDate.class)
                        .setParameter("priority", priority);
        if (!scope.seesAll()) {
            query.setParameter("visible", scope.missions());
        }
        return query.getSingleResult();
    }

    /**
     * The missions {@code running} (acronyms, in order), each with its latest assessment of the
     * priority up to the quarter starting on {@code periodStart} (none when it has none).
     */
    List<MissionRatingRow> missionRatings(
            String priority, LocalDate periodStart, List<String> running) {
        Query query =
                em.createNativeQuery(
                                """
                        SELECT DISTINCT ON (mission_acronym) mission_acronym, period_start, rating, score
                          FROM assessment
                         WHERE mission_acronym IN (:running) AND priority_code = :priority
                           AND period_start <= CAST(:period_start AS date)
                         ORDER BY mission_acronym, period_start DESC""",
                                Tuple.class)
                        .setParameter("running", running)
                        .setParameter("priority", priority)
                        .setParameter("period_start", periodStart);
        Map<String, MissionRatingRow> latest = new HashMap<>();
        for (Tuple t : tuples(query)) {
            String mission = t.get("mission_acronym", String.class);
            latest.put(
                    mission,
                    new MissionRatingRow(
                            mission,
                            date(t, "period_start"),
                            rating(t, "rating"),
                            integer(t, "score")));
        }
        return running.stream()
                .map(m -> latest.getOrDefault(m, new MissionRatingRow(m, null, null, null)))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Tuple> tuples(Query query) {
        return query.getResultList();
    }

    private static LocalDate date(Tuple t, String alias) {
        return Dates.fromSql(t.get(alias));
    }

    private static Integer integer(Tuple t, String alias) {
        Number value = t.get(alias, Number.class);
        return value == null ? null : value.intValue();
    }

    private static AssessmentEntity.Rating rating(Tuple t, String alias) {
        String text = t.get(alias, String.class);
        return text == null ? null : StoredEnum.of(AssessmentEntity.Rating.class, text);
    }
}
