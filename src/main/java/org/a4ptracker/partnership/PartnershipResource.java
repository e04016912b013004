package org.a4ptracker.partnership;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.a4ptracker.api.PartnershipsApi;
import org.a4ptracker.api.model.AgreementType;
import org.a4ptracker.api.model.BenchmarkCounts;
import org.a4ptracker.api.model.OpenViolations;
import org.a4ptracker.api.model.OverdueCommitment;
import org.a4ptracker.api.model.OverdueCommitments;
import org.a4ptracker.api.model.Partnership;
import org.a4ptracker.api.model.PartnershipCreate;
import org.a4ptracker.api.model.PartnershipPage;
import org.a4ptracker.api.model.PartnershipStatus;
import org.a4ptracker.api.model.PartnershipSummary;
import org.a4ptracker.api.model.PartnershipUpdate;
import org.a4ptracker.api.model.ViolationTrend;
import org.a4ptracker.api.model.ViolationType;
import org.a4ptracker.api.model.ViolationTypeCount;
import org.a4ptracker.platform.http.ETags;
import org.a4ptracker.platform.http.Idempotency;
import org.a4ptracker.platform.persistence.Keyset;
import org.a4ptracker.platform.security.Roles;

import com.fasterxml.jackson.databind.JsonNode;

@RolesAllowed({Roles.READER, Roles.EDITOR, Roles.CONDUCT_OFFICER, Roles.ADMIN})
public class PartnershipResource implements PartnershipsApi {

    private final PartnershipService service;
    private final PartnershipReports reports;
    private final Idempotency idempotency;

    PartnershipResource(PartnershipService service, PartnershipReports reports, Idempotency idempotency) {
        this.service = service;
        this.reports = reports;
        this.idempotency = idempotency;
    }

    @Override
    public Response listPartnerships(String mission, String country, PartnershipStatus status,
                                     AgreementType agreementType, Integer limit, String cursor) {
        var filter = new PartnershipRepository.Filter(mission, country, status == null ? null : status.toString(),
                agreementType == null ? null : agreementType.toString());
        Keyset.Page<Partnership> page = service.list(filter, Keyset.of(limit, cursor, 2)).map(PartnershipMapper::toApi);
        return Response.ok(new PartnershipPage().items(page.items()).nextCursor(page.nextCursor())).build();
    }

    @Override
    public Response getPartnership(UUID partnershipId) {
        return withETag(Response.ok(), service.get(partnershipId));
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response createPartnership(PartnershipCreate input, String idempotencyKey) {
        return idempotency.create(idempotencyKey, "POST /host-country-partnerships", input, () -> {
            PartnershipEntity created = service.create(input);
            return withETag(Response.created(URI.create("/host-country-partnerships/" + created.id)), created);
        }, id -> getPartnership(UUID.fromString(id)));
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response replacePartnership(UUID partnershipId, String ifMatch, PartnershipUpdate input) {
        return withETag(Response.ok(), service.replace(partnershipId, ifMatch, input));
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response patchPartnership(UUID partnershipId, String ifMatch, JsonNode patch) {
        return withETag(Response.ok(), service.patch(partnershipId, ifMatch, patch));
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response deletePartnership(UUID partnershipId, String ifMatch) {
        service.delete(partnershipId, ifMatch);
        return Response.noContent().build();
    }

    @Override
    public Response getPartnershipSummary(UUID partnershipId) {
        PartnershipReports.Summary s = reports.summary(partnershipId);
        Map<String, Integer> benchmarks = s.benchmarks();
        int total = s.openByType().stream().mapToInt(PartnershipSummaryQueries.TypeCount::count).sum();
        PartnershipSummaryQueries.Trend trend = s.trend();
        return Response.ok(new PartnershipSummary()
                .partnershipId(partnershipId)
                .missionAcronym(s.missionAcronym())
                .countryCode(s.countryCode())
                .asOf(s.asOf())
                .openViolations(new OpenViolations()
                        .total(total)
                        .byType(s.openByType().stream()
                                .map(t -> new ViolationTypeCount().type(ViolationType.fromValue(t.type())).count(t.count()))
                                .toList()))
                .violationTrend(new ViolationTrend()
                        .last6Months(trend.last6Months())
                        .previous6Months(trend.previous6Months())
                        .direction(trend.last6Months() > trend.previous6Months() ? ViolationTrend.DirectionEnum.INCREASING
                                : trend.last6Months() < trend.previous6Months() ? ViolationTrend.DirectionEnum.DECREASING
                                : ViolationTrend.DirectionEnum.STABLE))
                .overdueCommitments(new OverdueCommitments()
                        .count((int) s.overdueCount())
                        .items(s.overdue().stream().map(o -> new OverdueCommitment()
                                .id(o.id()).description(o.description()).dueDate(o.dueDate())).toList()))
                .benchmarks(new BenchmarkCounts()
                        .notStarted(benchmarks.getOrDefault("not_started", 0))
                        .onTrack(benchmarks.getOrDefault("on_track", 0))
                        .atRisk(benchmarks.getOrDefault("at_risk", 0))
                        .achieved(benchmarks.getOrDefault("achieved", 0)))
                .judicialPipeline(s.pipeline()))
                .build();
    }

    @Override
    public Response listPartnershipHistory(UUID partnershipId, Integer limit, String cursor) {
        return Response.ok(reports.history(partnershipId, Keyset.of(limit, cursor, 1))).build();
    }

    private static Response withETag(Response.ResponseBuilder response, PartnershipEntity partnership) {
        return response.entity(PartnershipMapper.toApi(partnership))
                .header(HttpHeaders.ETAG, ETags.of(partnership.version)).build();
    }
}
