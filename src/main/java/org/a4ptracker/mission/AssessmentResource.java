package org.a4ptracker.mission;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.a4ptracker.api.AssessmentsApi;
import org.a4ptracker.api.model.Assessment;
import org.a4ptracker.api.model.AssessmentInput;
import org.a4ptracker.api.model.AssessmentPage;
import org.a4ptracker.api.model.IndicatorValue;
import org.a4ptracker.api.model.Rating;
import org.a4ptracker.platform.http.ETags;
import org.a4ptracker.platform.http.Idempotency;
import org.a4ptracker.platform.persistence.Keyset;
import org.a4ptracker.platform.security.Roles;
import org.a4ptracker.priority.IndicatorEntity;

@RolesAllowed({Roles.READER, Roles.EDITOR, Roles.CONDUCT_OFFICER, Roles.ADMIN})
public class AssessmentResource implements AssessmentsApi {

    private final AssessmentService service;
    private final Idempotency idempotency;

    AssessmentResource(AssessmentService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @Override
    public Response listAssessments(String acronym, String priority, String periodFrom, String periodTo, Rating rating,
                                    Integer limit, String cursor) {
        var filter = new AssessmentRepository.Filter(priority,
                periodFrom == null ? null : ReportingPeriod.parse(periodFrom).start(),
                periodTo == null ? null : ReportingPeriod.parse(periodTo).start(),
                rating == null ? null : rating.toString());
        Keyset.Page<AssessmentEntity> page = service.list(acronym, filter, Keyset.of(limit, cursor, 3));
        Map<UUID, IndicatorEntity> indicators = service.indicatorsOf(page.items());
        return Response.ok(new AssessmentPage()
                .items(page.items().stream().map(a -> toApi(a, indicators)).toList())
                .nextCursor(page.nextCursor())).build();
    }

    @Override
    public Response getAssessment(String acronym, UUID assessmentId) {
        return withETag(Response.ok(), service.get(acronym, assessmentId));
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response createAssessment(String acronym, AssessmentInput input, String idempotencyKey) {
        return idempotency.create(idempotencyKey, "POST /missions/" + acronym + "/assessments", input, () -> {
            AssessmentEntity created = service.create(acronym, input);
            return withETag(Response.created(URI.create("/missions/" + acronym + "/assessments/" + created.id)), created);
        }, id -> getAssessment(acronym, UUID.fromString(id)));
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response replaceAssessment(String acronym, UUID assessmentId, String ifMatch, AssessmentInput input) {
        return withETag(Response.ok(), service.replace(acronym, assessmentId, ifMatch, input));
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response deleteAssessment(String acronym, UUID assessmentId, String ifMatch) {
        service.delete(acronym, assessmentId, ifMatch);
        return Response.noContent().build();
    }

    private Response withETag(Response.ResponseBuilder response, AssessmentEntity assessment) {
        return response.entity(toApi(assessment, service.indicatorsOf(List.of(assessment))))
                .header(HttpHeaders.ETAG, ETags.of(assessment.version)).build();
    }

    static Assessment toApi(AssessmentEntity a, Map<UUID, IndicatorEntity> indicators) {
        return new Assessment()
                .id(a.id)
                .missionAcronym(a.missionAcronym)
                .priorityCode(a.priorityCode)
                .period(ReportingPeriod.startingOn(a.periodStart).toString())
                .rating(Rating.fromValue(a.rating))
                .score(a.score)
                .narrative(a.narrative)
                .indicatorValues(a.indicatorValues.stream()
                        .map(v -> new IndicatorValue()
                                .indicatorId(v.indicatorId)
                                .indicatorCode(indicators.get(v.indicatorId).code)
                                .value(v.value)
                                .note(v.note))
                        .toList())
                .createdAt(a.createdAt.withOffsetSameInstant(ZoneOffset.UTC))
                .updatedAt(a.updatedAt.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
