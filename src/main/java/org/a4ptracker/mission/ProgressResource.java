package org.a4ptracker.mission;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import org.a4ptracker.api.ProgressApi;
import org.a4ptracker.api.model.AssessmentSummary;
import org.a4ptracker.api.model.IndicatorDirection;
import org.a4ptracker.api.model.IndicatorProgress;
import org.a4ptracker.api.model.MissionProgress;
import org.a4ptracker.api.model.MissionRating;
import org.a4ptracker.api.model.PriorityProgress;
import org.a4ptracker.api.model.PriorityProgressEntry;
import org.a4ptracker.api.model.Rating;
import org.a4ptracker.api.model.RatingCounts;
import org.a4ptracker.api.model.Trend;
import org.a4ptracker.platform.security.CallerScope;
import org.a4ptracker.platform.security.Roles;
import org.a4ptracker.priority.PriorityRepository;

@RolesAllowed({Roles.READER, Roles.EDITOR, Roles.CONDUCT_OFFICER, Roles.ADMIN})
public class ProgressResource implements ProgressApi {

    private final ProgressQueries queries;
    private final MissionRepository missions;
    private final PriorityRepository priorities;
    private final CallerScope scope;

    ProgressResource(ProgressQueries queries, MissionRepository missions, PriorityRepository priorities, CallerScope scope) {
        this.queries = queries;
        this.missions = missions;
        this.priorities = priorities;
        this.scope = scope;
    }

    @Override
    @Transactional
    public Response getMissionProgress(String acronym) {
        missions.require(acronym, scope);
        Map<String, List<IndicatorProgress>> indicators = queries.indicators(acronym).stream()
                .collect(Collectors.groupingBy(ProgressQueries.IndicatorRow::priorityCode,
                        Collectors.mapping(ProgressResource::toApi, Collectors.toList())));
        List<PriorityProgressEntry> entries = queries.priorities(acronym).stream()
                .map(row -> new PriorityProgressEntry()
                        .priorityCode(row.priorityCode())
                        .latest(summary(row.latestPeriod(), row.latestRating(), row.latestScore()))
                        .previous(summary(row.previousPeriod(), row.previousRating(), row.previousScore()))
                        .trend(Trend.fromValue(row.trend()))
                        .indicators(indicators.getOrDefault(row.priorityCode(), List.of())))
                .toList();
        return Response.ok(new MissionProgress().missionAcronym(acronym).priorities(entries)).build();
    }

    @Override
    @Transactional
    public Response getPriorityProgress(String code, String period) {
        priorities.require(code);
        LocalDate start = period != null ? ReportingPeriod.parse(period).start() : queries.latestPeriod(code, scope);
        PriorityProgress progress = new PriorityProgress().priorityCode(code)
                .counts(new RatingCounts().onTrack(0).atRisk(0).offTrack(0).notAssessed(0).noAssessment(0))
                .missions(List.of());
        if (start == null || (!scope.seesAll() && scope.missions().isEmpty())) {
            return Response.ok(progress).build();
        }
        progress.period(ReportingPeriod.startingOn(start).toString())
                .missions(queries.missionRatings(code, start, scope).stream()
                        .map(r -> new MissionRating()
                                .missionAcronym(r.missionAcronym())
                                .period(r.period() == null ? null : ReportingPeriod.startingOn(r.period()).toString())
                                .rating(r.rating() == null ? null : Rating.fromValue(r.rating()))
                                .score(r.score()))
                        .toList());
        RatingCounts counts = progress.getCounts();
        for (ProgressQueries.RatingCount count : queries.ratingCounts(code, start, scope)) {
            int n = (int) count.missions();
            switch (count.bucket()) {
                case "on_track" -> counts.onTrack(n);
                case "at_risk" -> counts.atRisk(n);
                case "off_track" -> counts.offTrack(n);
                case "not_assessed" -> counts.notAssessed(n);
                default -> counts.noAssessment(n);
            }
        }
        return Response.ok(progress).build();
    }

    private static AssessmentSummary summary(LocalDate period, String rating, Integer score) {
        return period == null ? null : new AssessmentSummary()
                .period(ReportingPeriod.startingOn(period).toString())
                .rating(Rating.fromValue(rating))
                .score(score);
    }

    private static IndicatorProgress toApi(ProgressQueries.IndicatorRow row) {
        return new IndicatorProgress()
                .indicatorId(row.indicatorId())
                .code(row.code())
                .unit(row.unit())
                .baseline(row.baseline())
                .target(row.target())
                .direction(IndicatorDirection.fromValue(row.direction()))
                .latestValue(row.latestValue())
                .latestPeriod(ReportingPeriod.startingOn(row.latestPeriod()).toString())
                .progressPercent(row.progressPercent());
    }
}
