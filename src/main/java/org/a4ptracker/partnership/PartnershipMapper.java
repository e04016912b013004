package org.a4ptracker.partnership;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.a4ptracker.api.model.Agreement;
import org.a4ptracker.api.model.AgreementType;
import org.a4ptracker.api.model.Benchmark;
import org.a4ptracker.api.model.BenchmarkStatus;
import org.a4ptracker.api.model.Commitment;
import org.a4ptracker.api.model.CommitmentArea;
import org.a4ptracker.api.model.CommitmentOwner;
import org.a4ptracker.api.model.CommitmentStatus;
import org.a4ptracker.api.model.FocalPoint;
import org.a4ptracker.api.model.Partnership;
import org.a4ptracker.api.model.PartnershipStatus;
import org.a4ptracker.api.model.PartnershipUpdate;
import org.a4ptracker.api.model.TransitionPhase;
import org.a4ptracker.api.model.TransitionPlan;
import org.a4ptracker.api.model.Violation;
import org.a4ptracker.api.model.ViolationPerpetrator;
import org.a4ptracker.api.model.ViolationRaisedThrough;
import org.a4ptracker.api.model.ViolationStatus;
import org.a4ptracker.api.model.ViolationType;

/** Entities to API models and back; entities never leave the service layer. */
final class PartnershipMapper {

    private PartnershipMapper() {
    }

    static Partnership toApi(PartnershipEntity p) {
        PartnershipUpdate state = asUpdate(p);
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

    /** The replaceable state of a partnership, as a PUT body would give it. */
    static PartnershipUpdate asUpdate(PartnershipEntity p) {
        return new PartnershipUpdate()
                .status(PartnershipStatus.fromValue(p.status))
                .agreement(new Agreement()
                        .type(AgreementType.fromValue(p.agreementType))
                        .title(p.agreementTitle)
                        .signedDate(p.agreementSignedDate)
                        .inForceDate(p.agreementInForceDate)
                        .documentSymbol(p.agreementDocumentSymbol))
                .focalPoints(p.focalPoints.stream().map(PartnershipMapper::toApi).toList())
                .resolution2589FocalPoint(p.resolution2589FocalPoint == null ? null : toApi(p.resolution2589FocalPoint))
                .transitionPlan(p.transitionPhase == null ? null : new TransitionPlan()
                        .phase(TransitionPhase.fromValue(p.transitionPhase))
                        .benchmarks(p.transitionBenchmarks.stream().map(b -> new Benchmark()
                                .indicator(b.indicator())
                                .target(b.target())
                                .currentValue(b.currentValue())
                                .status(BenchmarkStatus.fromValue(b.status()))).toList()));
    }

    static void apply(PartnershipEntity p, PartnershipUpdate input) {
        Agreement agreement = input.getAgreement();
        p.status = input.getStatus().toString();
        p.agreementType = agreement.getType().toString();
        p.agreementTitle = agreement.getTitle();
        p.agreementSignedDate = agreement.getSignedDate();
        p.agreementInForceDate = agreement.getInForceDate();
        p.agreementDocumentSymbol = agreement.getDocumentSymbol();
        p.focalPoints = input.getFocalPoints() == null ? List.of()
                : input.getFocalPoints().stream().map(PartnershipMapper::toData).toList();
        p.resolution2589FocalPoint = input.getResolution2589FocalPoint() == null ? null
                : toData(input.getResolution2589FocalPoint());
        TransitionPlan plan = input.getTransitionPlan();
        p.transitionPhase = plan == null ? null : plan.getPhase().toString();
        p.transitionBenchmarks = plan == null || plan.getBenchmarks() == null ? List.of()
                : plan.getBenchmarks().stream().map(b -> new PartnershipEntity.BenchmarkData(b.getIndicator(),
                        b.getTarget(), b.getCurrentValue(), b.getStatus().toString())).toList();
    }

    private static FocalPoint toApi(PartnershipEntity.FocalPointData f) {
        return new FocalPoint().function(f.function()).organisation(f.organisation()).contactChannel(f.contactChannel());
    }

    private static PartnershipEntity.FocalPointData toData(FocalPoint f) {
        return new PartnershipEntity.FocalPointData(f.getFunction(), f.getOrganisation(), f.getContactChannel());
    }

    static Commitment toApi(CommitmentEntity c, LocalDate today) {
        return new Commitment()
                .id(c.id)
                .partnershipId(c.partnershipId)
                .description(c.description)
                .area(CommitmentArea.fromValue(c.area))
                .priorityCode(c.priorityCode)
                .owner(CommitmentOwner.fromValue(c.owner))
                .dueDate(c.dueDate)
                .status(CommitmentStatus.fromValue(c.status))
                .overdue(c.overdueOn(today))
                .createdAt(c.createdAt.withOffsetSameInstant(ZoneOffset.UTC))
                .updatedAt(c.updatedAt.withOffsetSameInstant(ZoneOffset.UTC));
    }

    static Violation toApi(ViolationEntity v) {
        return new Violation()
                .id(v.id)
                .partnershipId(v.partnershipId)
                .occurredOn(v.occurredOn)
                .type(ViolationType.fromValue(v.type))
                .perpetrator(ViolationPerpetrator.fromValue(v.perpetrator))
                .location(v.location)
                .description(v.description)
                .raisedThrough(v.raisedThrough == null ? null : ViolationRaisedThrough.fromValue(v.raisedThrough))
                .status(ViolationStatus.fromValue(v.status))
                .resolutionDate(v.resolutionDate)
                .resolutionNote(v.resolutionNote)
                .createdAt(v.createdAt.withOffsetSameInstant(ZoneOffset.UTC))
                .updatedAt(v.updatedAt.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
