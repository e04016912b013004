package org.a4ptracker.partnership;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.a4ptracker.accountability.JudicialPipelines;
import org.a4ptracker.api.model.HistoryPage;
import org.a4ptracker.api.model.PipelineTotals;
import org.a4ptracker.platform.audit.RevisionHistory;
import org.a4ptracker.platform.persistence.Keyset;
import org.a4ptracker.platform.security.CallerScope;
import org.a4ptracker.platform.persistence.Dates;

/** Read-only views of a partnership: its summary and its audit history, both scoped to the caller. */
@ApplicationScoped
public class PartnershipReports {

    record Summary(String missionAcronym, String countryCode, LocalDate asOf,
                   List<PartnershipSummaryQueries.TypeCount> openByType, PartnershipSummaryQueries.Trend trend,
                   long overdueCount, List<PartnershipSummaryQueries.Overdue> overdue, Map<String, Integer> benchmarks,
                   PipelineTotals pipeline) {
    }

    private final PartnershipRepository partnerships;
    private final PartnershipSummaryQueries queries;
    private final RevisionHistory revisionHistory;
    private final JudicialPipelines judicialPipelines;
    private final CallerScope scope;

    PartnershipReports(PartnershipRepository partnerships, PartnershipSummaryQueries queries, RevisionHistory revisionHistory,
                       JudicialPipelines judicialPipelines, CallerScope scope) {
        this.partnerships = partnerships;
        this.queries = queries;
        this.revisionHistory = revisionHistory;
        this.judicialPipelines = judicialPipelines;
        this.scope = scope;
    }

    @Transactional
    Summary summary(UUID id) {
        PartnershipEntity p = partnerships.require(id, scope);
        LocalDate today = Dates.today();
        return new Summary(p.missionAcronym, p.countryCode, today,
                queries.openViolationsByType(id, today),
                queries.trend(id, today),
                queries.overdueCount(id, today),
                queries.overdue(id, today),
                queries.benchmarksByStatus(id),
                judicialPipeline(p.missionAcronym));
    }

    /** The host state's follow-up of crimes against the mission's peacekeepers (zeros when there are none). */
    private PipelineTotals judicialPipeline(String mission) {
        return judicialPipelines.ofMission(mission, scope);
    }

    @Transactional
    HistoryPage history(UUID id, Keyset keyset) {
        partnerships.require(id, scope);
        return revisionHistory.page(PartnershipEntity.class, id,
                new RevisionHistory.View<>(PartnershipHistory::members, p -> p.status, member -> true), keyset);
    }
}
