package org.a4ptracker.mission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.a4ptracker.api.model.IndicatorProgress;
import org.a4ptracker.api.model.MissionProgress;
import org.a4ptracker.api.model.PriorityProgress;
import org.a4ptracker.api.model.Trend;
import org.a4ptracker.platform.security.CallerScope;
import org.a4ptracker.priority.PriorityLookup;

/** Where missions stand on the A4P+ priorities, by mission and by priority. */
@ApplicationScoped
@Transactional
class ProgressService {

    /** Score change, in points, from which a trend counts as improving or worsening. */
    static final int TREND_THRESHOLD = 5;

    private final ProgressQueries queries;
    private final MissionRepository missions;
    private final MissionLookup lookup;
    private final PriorityLookup priorities;
    private final CallerScope scope;

    ProgressService(
            ProgressQueries queries,
            MissionRepository missions,
            MissionLookup lookup,
            PriorityLookup priorities,
            CallerScope scope) {
        this.queries = queries;
        this.missions = missions;
        this.lookup = lookup;
        this.priorities = priorities;
        this.scope = scope;
    }

    /**
     * Every priority, in A4P+ order, with the mission's latest assessments of it and its
     * indicators' latest values.
     */
    MissionProgress ofMission(String acronym) {
        lookup.require(acronym, scope);
        Map<String, ProgressQueries.PriorityRow> assessed =
                queries.priorities(acronym).stream()
                        .collect(
                                Collectors.toMap(
                                        ProgressQueries.PriorityRow::priorityCode,
                                        Function.identity()));
        Map<UUID, ProgressQueries.IndicatorRow> values =
                queries.indicators(acronym).stream()
                        .collect(
                                Collectors.toMap(
                                        ProgressQueries.IndicatorRow::indicatorId,
                                        Function.identity()));
        Map<String, List<IndicatorProgress>> indicators = new HashMap<>();
        // In the order of their codes, as the lookup gives them.
        priorities
                .indicators(values.keySet())
                .values()
                .forEach(
                        indicator -> {
                            ProgressQueries.IndicatorRow row = values.get(indicator.id());
                            indicators
                                    .computeIfAbsent(
                                            indicator.priorityCode(), code -> new ArrayList<>())
                                    .add(
                                            ProgressMapper.indicator(
                                                    indicator,
                                                    row,
                                                    progressPercent(
                                                            row.latestValue(),
                                                            indicator.baseline(),
                                                            indicator.target())));
                        });
        return new MissionProgress()
                .missionAcronym(acronym)
                .priorities(
                        priorities.codesInOrder().stream()
                                .map(
                                        code -> {
                                            ProgressQueries.PriorityRow row = assessed.get(code);
                                            Trend trend =
                                                    row == null
                                                            ? Trend.UNKNOWN
                                                            : trend(
                                                                    row.latestScore(),
                                                                    row.previousScore());
                                            return ProgressMapper.entry(
                                                    code,
                                                    row,
                                                    trend,
                                                    indicators.getOrDefault(code, List.of()));
                                        })
                                .toList());
    }

    /**
     * How the visible missions stood on a priority in {@code period} (a reporting period such as
     * {@code 2021-Q3}), or in the latest quarter any of them assessed it when {@code period} is
     * null.
     */
    PriorityProgress ofPriority(String code, String period) {
        priorities.require(code);
        if (!scope.seesAll() && scope.missions().isEmpty()) {
            return ProgressMapper.priority(code, null, List.of());
        }
        LocalDate start =
                period != null
                        ? ReportingPeriod.parse(period).start()
                        : queries.latestPeriod(code, scope);
        if (start == null) {
            return ProgressMapper.priority(code, null, List.of());
        }
        ReportingPeriod quarter = ReportingPeriod.startingOn(start);
        List<String> running =
                missions.visible(scope).stream()
                        .filter(mission -> mission.runsDuring(quarter))
                        .map(mission -> mission.acronym)
                        .toList();
        return ProgressMapper.priority(
                code,
                quarter,
                running.isEmpty()
                        ? List.of()
                        : queries.missionRatings(code, quarter.start(), running));
    }

    /**
     * {@code improving} or {@code worsening} from a change of {@link #TREND_THRESHOLD} points;
     * {@code unknown} without two scores.
     */
    static Trend trend(Integer latest, Integer previous) {
        if (latest == null || previous == null) {
            return Trend.UNKNOWN;
        }
        if (latest - previous >= TREND_THRESHOLD) {
            return Trend.IMPROVING;
        }
        if (previous - latest >= TREND_THRESHOLD) {
            return Trend.WORSENING;
        }
        return Trend.STABLE;
    }

    /**
     * How far {@code value} has come from baseline to target, in percent to one decimal; null when
     * they are equal.
     */
    static BigDecimal progressPercent(BigDecimal value, BigDecimal baseline, BigDecimal target) {
        BigDecimal span = target.subtract(baseline);
        if (span.signum() == 0) {
            return null;
        }
        return value.subtract(baseline)
                .multiply(BigDecimal.valueOf(100))
                .divide(span, 1, RoundingMode.HALF_UP);
    }
}
