package org.a4ptracker.partnership;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.a4ptracker.api.model.Agreement;
import org.a4ptracker.api.model.AgreementType;
import org.a4ptracker.api.model.Benchmark;
import org.a4ptracker.api.model.BenchmarkCounts;
import org.a4ptracker.api.model.BenchmarkStatus;
import org.a4ptracker.api.model.FocalPoint;
import org.a4ptracker.api.model.OpenViolations;
import org.a4ptracker.api.model.OverdueCommitment;
import org.a4ptracker.api.model.OverdueCommitments;
import org.a4ptracker.api.model.Partnership;
import org.a4ptracker.api.model.PartnershipCreate;
import org.a4ptracker.api.model.PartnershipStatus;
import org.a4ptracker.api.model.PartnershipSummary;
import org.a4ptracker.api.model.PartnershipUpdate;
import org.a4ptracker.api.model.PipelineTotals;
import org.a4ptracker.api.model.TransitionPhase;
import org.a4ptracker.api.model.TransitionPlan;
import org.a4ptracker.api.model.ViolationTrend;
import org.a4ptracker.api.model.ViolationType;
import org.a4ptracker.api.model.ViolationTypeCount;
import org.a4ptracker.partnership.PartnershipEntity.BenchmarkData;
import org.a4ptracker.partnership.PartnershipEntity.FocalPointData;
import org.a4ptracker.platform.audit.RevisionHistory;
import org.a4ptracker.platform.persistence.StoredEnum;

/**
 * A partnership between its entity and its API models, both ways; also its summary and what its
 * history compares.
 */
final class PartnershipMapper {

    /**
     * The partnership's history: its top-level API members, its status, every member visible to
     * every reader.
     */
    static final RevisionHistory.View<PartnershipEntity> HISTORY =
            new RevisionHistory.View<>(
                    PartnershipMapper::historyMembers, p -> p.status.value(), member -> true);

    private PartnershipMapper() {}

    static Partnership toApi(PartnershipEntity p) {
        PartnershipUpdate state = toUpdate(p);
        return new Partnership()
                .id(p.id)
                .missionAcronym(p.missionAcronym)
                .countryCode(p.countryCode)
                .status(state.getStatus())
                .agreement(state.getAgreement())
                .focalPoints(state.getFocalPoints())
                .resolution2589FocalPoint(state.getResolution2589FocalPoint())
                .transitionPlan(state.getTransitionPlan())
                .createdAt(p.createdAt.withOffsetSameInstant(ZoneOffset.UTC))
                .updatedAt(p.updatedAt.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /**
     * The replaceable state of a partnership, as a PUT body would give it (what a merge patch
     * applies to).
     */
    static PartnershipUpdate toUpdate(PartnershipEntity p) {
        return new PartnershipUpdate()
                .status(PartnershipStatus.fromValue(p.status.value()))
                .agreement(
                        new Agreement()
                                .type(AgreementType.fromValue(p.agreementType.value()))
                                .title(p.agreementTitle)
                                .signedDate(p.agreementSignedDate)
                                .inForceDate(p.agreementInForceDate)
                                .documentSymbol(p.agreementDocumentSymbol))
                .focalPoints(p.focalPoints.stream().map(PartnershipMapper::toApi).toList())
                .resolution2589FocalPoint(
                        p.resolution2589FocalPoint == null
                                ? null
                                : toApi(p.resolution2589FocalPoint))
                .transitionPlan(
                        p.transitionPhase == null
                                ? null
                                : new TransitionPlan()
                                        .phase(TransitionPhase.fromValue(p.transitionPhase.value()))
                                        .benchmarks(
                                                p.transitionBenchmarks.stream()
                                                        .map(
                                                                b ->
                                                                        new Benchmark()
                                                                                .indicator(
                                                                                        b
                                                                                                .indicator())
                                                                                .target(b.target())
                                                                                .currentValue(
                                                                                        b
                                                                                                .currentValue())
                                                                                .status(
                                                                                        BenchmarkStatus
                                                                                                .fromValue(
                                                                                                        b.status()
                                                                                                                .value())))
                                                        .toList()));
    }

    /**
     * A new partnership of the mission; negotiating unless the input says otherwise (the contract's
     * default).
     */
    static PartnershipEntity toEntity(String mission, PartnershipCreate input) {
        PartnershipEntity p = new PartnershipEntity();
        p.missionAcronym = mission;
        p.countryCode = input.getCountryCode();
        apply(
                p,
                new PartnershipUpdate()
                        .status(
                                input.getStatus() == null
                                        ? PartnershipStatus.NEGOTIATING
                                        : input.getStatus())
                        .agreement(input.getAgreement())
                        .focalPoints(input.getFocalPoints())
                        .resolution2589FocalPoint(input.getResolution2589FocalPoint())
                        .transitionPlan(input.getTransitionPlan()));
        return p;
    }

    /** Replaces the partnership's replaceable state; what the input leaves out is cleared. */
    static void apply(PartnershipEntity p, PartnershipUpdate input) {
        Agreement agreement = input.getAgreement();
        p.status = status(input.getStatus());
        p.agreementType = agreementType(agreement.getType());
        p.agreementTitle = agreement.getTitle();
        p.agreementSignedDate = agreement.getSignedDate();
        p.agreementInForceDate = agreement.getInForceDate();
        p.agreementDocumentSymbol = agreement.getDocumentSymbol();
        p.focalPoints =
                input.getFocalPoints() == null
                        ? List.of()
                        : input.getFocalPoints().stream().map(PartnershipMapper::toData).toList();
        p.resolution2589FocalPoint =
                input.getResolution2589FocalPoint() == null
                        ? null
                        : toData(input.getResolution2589FocalPoint());
        TransitionPlan plan = input.getTransitionPlan();
        p.transitionPhase =
                plan == null
                        ? null
                        : StoredEnum.fromApi(PartnershipEntity.Phase.class, plan.getPhase());
        p.transitionBenchmarks =
                plan == null || plan.getBenchmarks() == null
                        ? List.of()
                        : plan.getBenchmarks().stream()
                                .map(
                                        b ->
                                                new BenchmarkData(
                                                        b.getIndicator(),
                                                        b.getTarget(),
                                                        b.getCurrentValue(),
                                                        StoredEnum.fromApi(
                                                                PartnershipEntity.BenchmarkStatus
                                                                        .class,
                                                                b.getStatus())))
                                .toList();
    }

    static PartnershipEntity.Status status(PartnershipStatus status) {
        return StoredEnum.fromApi(PartnershipEntity.Status.class, status);
    }

    static PartnershipEntity.AgreementType agreementType(AgreementType type) {
        return StoredEnum.fromApi(PartnershipEntity.AgreementType.class, type);
    }

    private static FocalPoint toApi(FocalPointData f) {
        return new FocalPoint()
                .function(f.function())
                .organisation(f.organisation())
                .contactChannel(f.contactChannel());
    }

    private static FocalPointData toData(FocalPoint f) {
        return new FocalPointData(f.getFunction(), f.getOrganisation(), f.getContactChannel());
    }

    static PartnershipSummary toSummary(
            PartnershipEntity p,
            LocalDate asOf,
            PartnershipSummaryQueries.Figures figures,
            PipelineTotals pipeline) {
        PartnershipSummaryQueries.Trend trend = figures.trend();
        Map<PartnershipEntity.BenchmarkStatus, Integer> benchmarks = figures.benchmarks();
        return new PartnershipSummary()
                .partnershipId(p.id)
                .missionAcronym(p.missionAcronym)
                .countryCode(p.countryCode)
                .asOf(asOf)
                .openViolations(
                        new OpenViolations()
                                .total(
                                        figures.openViolationsByType().stream()
                                                .mapToInt(
                                                        PartnershipSummaryQueries.TypeCount::count)
                                                .sum())
                                .byType(
                                        figures.openViolationsByType().stream()
                                                .map(
                                                        t ->
                                                                new ViolationTypeCount()
                                                                        .type(
                                                                                ViolationType
                                                                                        .fromValue(
                                                                                                t.type()
                                                                                                        .value()))
                                                                        .count(t.count()))
                                                .toList()))
                .violationTrend(
                        new ViolationTrend()
                                .last6Months(trend.last6Months())
                                .previous6Months(trend.previous6Months())
                                .direction(
                                        trend.last6Months() > trend.previous6Months()
                                                ? ViolationTrend.DirectionEnum.INCREASING
                                                : trend.last6Months() < trend.previous6Months()
                                                        ? ViolationTrend.DirectionEnum.DECREASING
                                                        : ViolationTrend.DirectionEnum.STABLE))
                .overdueCommitments(
                        new OverdueCommitments()
                                .count(figures.overdueCount())
                                .items(
                                        figures.overdue().stream()
                                                .map(
                                                        o ->
                                                                new OverdueCommitment()
                                                                        .id(o.id())
                                                                        .description(
                                                                                o.description())
                                                                        .dueDate(o.dueDate()))
                                                .toList()))
                .benchmarks(
                        new BenchmarkCounts()
                                .notStarted(
                                        benchmarks.getOrDefault(
                                                PartnershipEntity.BenchmarkStatus.NOT_STARTED, 0))
                                .onTrack(
                                        benchmarks.getOrDefault(
                                                PartnershipEntity.BenchmarkStatus.ON_TRACK, 0))
                                .atRisk(
                                        benchmarks.getOrDefault(
                                                PartnershipEntity.BenchmarkStatus.AT_RISK, 0))
                                .achieved(
                                        benchmarks.getOrDefault(
                                                PartnershipEntity.BenchmarkStatus.ACHIEVED, 0)))
                .judicialPipeline(pipeline);
    }

    /**
     * The partnership's top-level API members; absent ones map to null so that setting them counts
     * as a change.
     */
    static Map<String, Object> historyMembers(PartnershipEntity p) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("mission_acronym", p.missionAcronym);
        fields.put("country_code", p.countryCode);
        fields.put("status", p.status);
        fields.put(
                "agreement",
                List.of(
                        String.valueOf(p.agreementType),
                        String.valueOf(p.agreementTitle),
                        String.valueOf(p.agreementSignedDate),
                        String.valueOf(p.agreementInForceDate),
                        String.valueOf(p.agreementDocumentSymbol)));
        fields.put(
                "focal_points",
                p.focalPoints == null || p.focalPoints.isEmpty() ? null : p.focalPoints);
        fields.put("resolution_2589_focal_point", p.resolution2589FocalPoint);
        fields.put(
                "transition_plan",
                p.transitionPhase == null
                        ? null
                        : List.of(
                                p.transitionPhase,
                                p.transitionBenchmarks == null
                                        ? List.of()
                                        : p.transitionBenchmarks));
        return fields;
    }
}
