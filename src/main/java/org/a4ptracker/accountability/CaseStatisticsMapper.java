package org.a4ptracker.accountability;

import static org.a4ptracker.accountability.CaseMapper.api;
import static org.a4ptracker.accountability.CaseMapper.map;
import static org.a4ptracker.accountability.CaseMapper.stored;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.a4ptracker.accountability.CaseEntity.Kind;
import org.a4ptracker.accountability.CaseStatisticsQueries.Dimension;
import org.a4ptracker.api.model.CaseKind;
import org.a4ptracker.api.model.CaseStatistics;
import org.a4ptracker.api.model.CaseStatus;
import org.a4ptracker.api.model.InvestigatingEntity;
import org.a4ptracker.api.model.InvestigationStatistics;
import org.a4ptracker.api.model.MisconductCategory;
import org.a4ptracker.api.model.PersonnelCategory;
import org.a4ptracker.api.model.PipelineTotals;
import org.a4ptracker.api.model.StatisticsDimension;
import org.a4ptracker.api.model.StatisticsGroup;
import org.a4ptracker.api.model.VictimCounts;
import org.a4ptracker.platform.http.CsvColumns;

/**
 * Between the statistics' parameters and rows ({@link CaseStatisticsQueries}) and the API's
 * statistics.
 */
final class CaseStatisticsMapper {

    /** The JSON member of each dimension, as a group shows it. */
    static final Map<StatisticsDimension, String> MEMBERS =
            Map.of(
                    StatisticsDimension.MISSION, "mission_acronym",
                    StatisticsDimension.YEAR, "year",
                    StatisticsDimension.KIND, "kind",
                    StatisticsDimension.CATEGORY, "category",
                    StatisticsDimension.PERSONNEL_CATEGORY, "personnel_category",
                    StatisticsDimension.STATUS, "status");

    private CaseStatisticsMapper() {}

    /**
     * The CSV columns of the groups of either statistics ({@code schema}): those of the dimensions
     * grouped by, then the figures.
     */
    static CsvColumns csvColumns(String schema, List<StatisticsDimension> groupBy) {
        return CsvColumns.ofSchema(schema)
                .without(
                        MEMBERS.entrySet().stream()
                                .filter(d -> !groupBy.contains(d.getKey()))
                                .map(Map.Entry::getValue)
                                .toList());
    }

    static CaseStatisticsQueries.Filter filter(
            CaseKind kind, String mission, LocalDate reportedFrom, LocalDate reportedTo) {
        return new CaseStatisticsQueries.Filter(
                stored(Kind.class, kind), mission, reportedFrom, reportedTo);
    }

    static List<Dimension> dimensions(List<StatisticsDimension> groupBy) {
        return map(groupBy, d -> stored(Dimension.class, d));
    }

    static CaseStatistics toStatistics(
            List<StatisticsDimension> groupBy,
            List<CaseStatisticsQueries.Allegations> allegations,
            List<CaseStatisticsQueries.Investigations> investigations,
            List<CaseStatisticsQueries.FinalActions> finalActions,
            List<CaseStatisticsQueries.Pipeline> pipelines) {
        Map<CaseStatisticsQueries.Group, StatisticsGroup> groups = new LinkedHashMap<>();
        for (var a : allegations) {
            CaseStatisticsQueries.Group g = a.group();
            groups.put(
                    g,
                    new StatisticsGroup()
                            .missionAcronym(g.mission())
                            .year(g.year())
                            .kind(api(g.kind(), CaseKind::fromValue))
                            .category(api(g.category(), MisconductCategory::fromValue))
                            .personnelCategory(
                                    api(g.personnelCategory(), PersonnelCategory::fromValue))
                            .status(api(g.status(), CaseStatus::fromValue))
                            .allegations(a.allegations())
                            .victims(
                                    new VictimCounts()
                                            .total(a.victims())
                                            .women(a.women())
                                            .girls(a.girls())
                                            .men(a.men())
                                            .boys(a.boys())
                                            .ageUnknown(a.ageUnknown())));
        }
        for (var i : investigations) {
            groups.get(i.group())
                    .addInvestigationsItem(
                            new InvestigationStatistics()
                                    .entity(api(i.entity(), InvestigatingEntity::fromValue))
                                    .investigations(i.investigations())
                                    .completed(i.completed())
                                    .medianDurationDays(
                                            i.medianDays() == null
                                                    ? null
                                                    : BigDecimal.valueOf(i.medianDays())));
        }
        for (var f : finalActions) {
            groups.get(f.group()).putFinalActionsItem(f.type().value(), f.actions());
        }
        return new CaseStatistics()
                .groupBy(groupBy)
                .groups(new ArrayList<>(groups.values()))
                .judicialPipeline(map(pipelines, CaseStatisticsMapper::toApi));
    }

    static PipelineTotals toApi(CaseStatisticsQueries.Pipeline p) {
        return new PipelineTotals()
                .missionAcronym(p.mission())
                .cases(p.cases())
                .peacekeepersKilled(p.peacekeepersKilled())
                .peacekeepersInjured(p.peacekeepersInjured())
                .suspectsIdentified(p.suspectsIdentified())
                .arrested(p.arrested())
                .charged(p.charged())
                .tried(p.tried())
                .convicted(p.convicted())
                .acquitted(p.acquitted());
    }
}
