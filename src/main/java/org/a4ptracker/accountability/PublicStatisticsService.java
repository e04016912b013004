package org.a4ptracker.accountability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.a4ptracker.api.model.CaseKind;
import org.a4ptracker.api.model.PublicStatistics;
import org.a4ptracker.api.model.StatisticsDimension;
import org.a4ptracker.platform.security.CallerScope;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The case statistics published to everyone: the same queries as the protected statistics, over
 * every mission, with small counts suppressed ({@link SmallCells}).
 */
@ApplicationScoped
@Transactional
public class PublicStatisticsService {

    /**
     * The answer, and the rows of its CSV: the groups, then the totals with {@code total} in each
     * dimension (without dimensions, the one row of totals).
     */
    public record Published(PublicStatistics body, List<Object> rows) {}

    private final CaseStatisticsQueries statistics;
    private final ObjectMapper json;
    private final int threshold;
    private final Duration maxAge;

    PublicStatisticsService(
            CaseStatisticsQueries statistics,
            ObjectMapper json,
            @ConfigProperty(name = "a4p.public-statistics.threshold") int threshold,
            @ConfigProperty(name = "a4p.public-statistics.max-age") Duration maxAge) {
        if (threshold < 3) {
            throw new IllegalArgumentException(
                    "a4p.public-statistics.threshold must be at least 3: \"<2\" would publish the"
                            + " count 1 as it is");
        }
        this.statistics = statistics;
        this.json = json;
        this.threshold = threshold;
        this.maxAge = maxAge;
    }

    /** How long anyone may keep an answer before revalidating it. */
    public String cacheControl() {
        return "public, max-age=" + maxAge.toSeconds();
    }

    public Published statistics(
            List<StatisticsDimension> groupBy,
            CaseKind kind,
            String mission,
            Integer fromYear,
            Integer toYear) {
        List<StatisticsDimension> by =
                groupBy == null ? List.of() : groupBy.stream().distinct().toList();
        var dimensions = CaseStatisticsMapper.dimensions(by);
        var filter =
                CaseStatisticsMapper.filter(
                        kind,
                        mission,
                        fromYear == null ? null : LocalDate.of(fromYear, 1, 1),
                        toYear == null ? null : LocalDate.of(toYear, 12, 31));
        CallerScope everyone = CallerScope.everyMission();
        PublicStatistics body =
                PublicStatisticsMapper.toPublic(
                        by,
                        threshold,
                        statistics.allegations(dimensions, filter, everyone),
                        statistics.finalActions(dimensions, filter, everyone));
        if (by.isEmpty()) {
            return new Published(body, List.of(body.getTotals()));
        }
        List<Object> rows = new ArrayList<>(body.getGroups());
        ObjectNode totals = json.valueToTree(body.getTotals());
        by.forEach(d -> totals.put(CaseStatisticsMapper.MEMBERS.get(d), "total"));
        rows.add(totals);
        return new Published(body, rows);
    }
}
