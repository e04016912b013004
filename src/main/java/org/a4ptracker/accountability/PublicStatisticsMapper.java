package org.a4ptracker.accountability;

import static org.a4ptracker.accountability.CaseMapper.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.a4ptracker.accountability.CaseRecords.FinalActionType;
import org.a4ptracker.api.model.CaseKind;
import org.a4ptracker.api.model.CaseStatus;
import org.a4ptracker.api.model.MisconductCategory;
import org.a4ptracker.api.model.PersonnelCategory;
import org.a4ptracker.api.model.PublicFinalActions;
import org.a4ptracker.api.model.PublicStatistics;
import org.a4ptracker.api.model.PublicStatisticsGroup;
import org.a4ptracker.api.model.PublicVictimCounts;
import org.a4ptracker.api.model.StatisticsDimension;

/**
 * The statistics' rows ({@link CaseStatisticsQueries}, the same as the protected statistics read)
 * as published to everyone: three tables, each suppressed by {@link SmallCells}. The allegations
 * and the final actions by type are columns of single figures; the victims are a table whose rows
 * add up to each group's total.
 */
final class PublicStatisticsMapper {

    static final String WITHHELD = "suppressed";

    private static final int VICTIM_COLUMNS = 5;

    private PublicStatisticsMapper() {}

    static PublicStatistics toPublic(
            List<StatisticsDimension> groupBy,
            int threshold,
            List<CaseStatisticsQueries.Allegations> allegations,
            List<CaseStatisticsQueries.FinalActions> finalActions) {
        int rows = allegations.size();
        Map<CaseStatisticsQueries.Group, Integer> rowOf = new HashMap<>();
        long[][] cases = new long[rows][1];
        long[][] victims = new long[rows][VICTIM_COLUMNS];
        long[][] actions = new long[rows][FinalActionType.values().length];
        for (int r = 0; r < rows; r++) {
            var a = allegations.get(r);
            rowOf.put(a.group(), r);
            cases[r][0] = a.allegations();
            victims[r] = new long[] {a.women(), a.girls(), a.men(), a.boys(), a.ageUnknown()};
        }
        for (var f : finalActions) {
            // A group that a case written between the two statements brought is left out.
            Integer r = rowOf.get(f.group());
            if (r != null) {
                actions[r][f.type().ordinal()] += f.actions();
            }
        }
        Published counted =
                new Published(
                        threshold,
                        SmallCells.suppress(cases, 1, false, threshold),
                        SmallCells.suppress(victims, VICTIM_COLUMNS, true, threshold),
                        SmallCells.suppress(
                                actions, FinalActionType.values().length, false, threshold));
        List<PublicStatisticsGroup> groups = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            CaseStatisticsQueries.Group g = allegations.get(r).group();
            groups.add(
                    counted.row(r)
                            .missionAcronym(g.mission())
                            .year(g.year())
                            .kind(api(g.kind(), CaseKind::fromValue))
                            .category(api(g.category(), MisconductCategory::fromValue))
                            .personnelCategory(
                                    api(g.personnelCategory(), PersonnelCategory::fromValue))
                            .status(api(g.status(), CaseStatus::fromValue)));
        }
        return new PublicStatistics()
                .groupBy(groupBy)
                .threshold(threshold)
                .groups(groups)
                .totals(counted.row(rows));
    }

    /** The three suppressed tables; row {@code rows} of each is its totals. */
    private record Published(
            int threshold,
            SmallCells.Table cases,
            SmallCells.Table victims,
            SmallCells.Table actions) {

        PublicStatisticsGroup row(int r) {
            return new PublicStatisticsGroup()
                    .allegations(count(cases, r, 0))
                    .victims(
                            new PublicVictimCounts()
                                    .women(count(victims, r, 0))
                                    .girls(count(victims, r, 1))
                                    .men(count(victims, r, 2))
                                    .boys(count(victims, r, 3))
                                    .ageUnknown(count(victims, r, 4))
                                    .total(count(victims, r, VICTIM_COLUMNS)))
                    .finalActions(
                            new PublicFinalActions()
                                    .repatriationAndBan(
                                            action(r, FinalActionType.REPATRIATION_AND_BAN))
                                    .dismissal(action(r, FinalActionType.DISMISSAL))
                                    .censure(action(r, FinalActionType.CENSURE))
                                    .reprimand(action(r, FinalActionType.REPRIMAND))
                                    .imprisonment(action(r, FinalActionType.IMPRISONMENT))
                                    .demotion(action(r, FinalActionType.DEMOTION))
                                    .pendingMemberStateAction(
                                            action(r, FinalActionType.PENDING_MEMBER_STATE_ACTION))
                                    .none(action(r, FinalActionType.NONE)));
        }

        private JsonNode action(int r, FinalActionType type) {
            return count(actions, r, type.ordinal());
        }

        private JsonNode count(SmallCells.Table table, int r, int c) {
            return switch (table.shown(r, c)) {
                case COUNT -> IntNode.valueOf(Math.toIntExact(table.value(r, c)));
                case SMALL -> TextNode.valueOf("<" + threshold);
                case WITHHELD -> TextNode.valueOf(WITHHELD);
            };
        }
    }
}
