package org.a4ptracker.partnership;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.a4ptracker.common.CallerScope;

/** Read-only views of a partnership: its summary and its audit history, both scoped to the caller. */
@ApplicationScoped
public class PartnershipReports {

    record Summary(String missionAcronym, String countryCode, LocalDate asOf,
                   List<PartnershipSummaryQueries.TypeCount> openByType, PartnershipSummaryQueries.Trend trend,
                   long overdueCount, List<PartnershipSummaryQueries.Overdue> overdue, Map<String, Integer> benchmarks,
                   PartnershipSummaryQueries.Pipeline pipeline) {
    }

    private final PartnershipRepository partnerships;
    private final PartnershipSummaryQueries queries;
    private final PartnershipHistory history;
    private final CallerScope scope;

    PartnershipReports(PartnershipRepository partnerships, PartnershipSummaryQueries queries, PartnershipHistory history,
                       CallerScope scope) {
        this.partnerships = partnerships;
        this.queries = queries;
        this.history = history;
        this.scope = scope;
    }

    @Transactional
    Summary summary(UUID id) {
        PartnershipEntity p = partnerships.require(id, scope);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new Summary(p.missionAcronym, p.countryCode, today,
                queries.openViolationsByType(id, today),
                queries.trend(id, today),
                queries.overdueCount(id, today),
                queries.overdue(id, today),
                queries.benchmarksByStatus(id),
                queries.judicialPipeline(p.missionAcronym));
    }

    @Transactional
    List<PartnershipHistory.Revision> history(UUID id) {
        partnerships.require(id, scope);
        return history.of(id);
    }
}
