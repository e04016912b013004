package org.a4ptracker.accountability;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.a4ptracker.api.PublicStatisticsApi;
import org.a4ptracker.api.model.CaseKind;
import org.a4ptracker.api.model.StatisticsDimension;
import org.a4ptracker.platform.http.Lists;

/** The only operation open without a token (application.properties opens {@code /public/*}). */
@PermitAll
public class PublicStatisticsResource implements PublicStatisticsApi {

    private final PublicStatisticsService service;
    private final Lists lists;

    PublicStatisticsResource(PublicStatisticsService service, Lists lists) {
        this.service = service;
        this.lists = lists;
    }

    @Override
    public Response getPublicStatistics(
            List<StatisticsDimension> groupBy,
            CaseKind kind,
            String mission,
            Integer fromYear,
            Integer toYear,
            String ifNoneMatch) {
        PublicStatisticsService.Published published =
                service.statistics(groupBy, kind, mission, fromYear, toYear);
        return lists.cacheable(
                published.body(),
                CaseStatisticsMapper.csvColumns(
                        "PublicStatisticsGroup", published.body().getGroupBy()),
                published.rows(),
                ifNoneMatch,
                service.cacheControl());
    }
}
