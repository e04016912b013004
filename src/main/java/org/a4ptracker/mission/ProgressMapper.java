package org.a4ptracker.mission;

import java.time.LocalDate;
import java.util.List;
import org.a4ptracker.api.model.AssessmentSummary;
import org.a4ptracker.api.model.IndicatorProgress;
import org.a4ptracker.api.model.MissionRating;
import org.a4ptracker.api.model.PriorityProgress;
import org.a4ptracker.api.model.PriorityProgressEntry;
import org.a4ptracker.api.model.RatingCounts;
import org.a4ptracker.api.model.Trend;
import org.a4ptracker.priority.PriorityLookup;

/** From the progress roll-ups' rows to the API's models (read-only views: one way). */
final class ProgressMapper {

    private ProgressMapper() {}

    /** A priority's entry; {@code row} null when the mission never assessed it. */
    static PriorityProgressEntry entry(
            String priorityCode,
            ProgressQueries.PriorityRow row,
            Trend trend,
            List<IndicatorProgress> indicators) {
        return new PriorityProgressEntry()
                .priorityCode(priorityCode)
                .latest(
                        row == null
                                ? null
                                : summary(
                                        row.latestPeriod(), row.latestRating(), row.latestScore()))
                .previous(
                        row == null
                                ? null
                                : summary(
                                        row.previousPeriod(),
                                        row.previousRating(),
                                        row.previousScore()))
                .trend(trend)
                .indicators(indicators);
    }

    static IndicatorProgress indicator(
            PriorityLookup.Indicator indicator,
            ProgressQueries.IndicatorRow row,
            java.math.BigDecimal progressPercent) {
        return new IndicatorProgress()
                .indicatorId(indicator.id())
                .code(indicator.code())
                .unit(indicator.unit())
                .baseline(indicator.baseline())
                .target(indicator.target())
                .direction(indicator.direction())
                .latestValue(row.latestValue())
                .latestPeriod(ReportingPeriod.startingOn(row.latestPeriod()).toString())
                .progressPercent(progressPercent);
    }

    /**
     * A priority's standing in {@code period} (null: no quarter to show), with a count per rating.
     */
    static PriorityProgress priority(
            String code, ReportingPeriod period, List<ProgressQueries.MissionRatingRow> rows) {
        RatingCounts counts =
                new RatingCounts().onTrack(0).atRisk(0).offTrack(0).notAssessed(0).noAssessment(0);
        for (ProgressQueries.MissionRatingRow row : rows) {
            if (row.rating() == null) {
                counts.noAssessment(counts.getNoAssessment() + 1);
                continue;
            }
            switch (row.rating()) {
                case ON_TRACK -> counts.onTrack(counts.getOnTrack() + 1);
                case AT_RISK -> counts.atRisk(counts.getAtRisk() + 1);
                case OFF_TRACK -> counts.offTrack(counts.getOffTrack() + 1);
                case NOT_ASSESSED -> counts.notAssessed(counts.getNotAssessed() + 1);
            }
        }
        return new PriorityProgress()
                .priorityCode(code)
                .period(period == null ? null : period.toString())
                .counts(counts)
                .missions(
                        rows.stream()
                                .map(
                                        r ->
                                                new MissionRating()
                                                        .missionAcronym(r.missionAcronym())
                                                        .period(
                                                                r.period() == null
                                                                        ? null
                                                                        : ReportingPeriod
                                                                                .startingOn(
                                                                                        r.period())
                                                                                .toString())
                                                        .rating(AssessmentMapper.rating(r.rating()))
                                                        .score(r.score()))
                                .toList());
    }

    private static AssessmentSummary summary(
            LocalDate period, AssessmentEntity.Rating rating, Integer score) {
        return period == null
                ? null
                : new AssessmentSummary()
                        .period(ReportingPeriod.startingOn(period).toString())
                        .rating(AssessmentMapper.rating(rating))
                        .score(score);
    }
}
