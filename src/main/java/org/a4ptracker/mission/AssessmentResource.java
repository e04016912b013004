package org.a4ptracker.mission;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.a4ptracker.api.AssessmentsApi;
import org.a4ptracker.api.model.Assessment;
import org.a4ptracker.api.model.AssessmentInput;
import org.a4ptracker.api.model.AssessmentPage;
import org.a4ptracker.api.model.Rating;
import org.a4ptracker.platform.http.ETags;
import org.a4ptracker.platform.http.Idempotency;
import org.a4ptracker.platform.http.Lists;
import org.a4ptracker.platform.http.Versioned;
import org.a4ptracker.platform.security.Roles;

@RolesAllowed({Roles.READER, Roles.EDITOR, Roles.CONDUCT_OFFICER, Roles.ADMIN})
public class AssessmentResource implements AssessmentsApi {

    private final AssessmentService service;
    private final Idempotency idempotency;
    private final Lists lists;

    AssessmentResource(AssessmentService service, Idempotency idempotency, Lists lists) {
        this.service = service;
        this.idempotency = idempotency;
        this.lists = lists;
    }

    @Override
    public Response listAssessments(
            String acronym,
            String priority,
            String periodFrom,
            String periodTo,
            Rating rating,
            Integer limit,
            String cursor) {
        return lists.answer(
                "listAssessments",
                limit,
                cursor,
                3,
                keyset -> service.list(acronym, priority, periodFrom, periodTo, rating, keyset),
                (items, next) -> new AssessmentPage().items(items).nextCursor(next));
    }

    @Override
    public Response getAssessment(String acronym, UUID assessmentId) {
        return ETags.respond(Response.ok(), service.get(acronym, assessmentId));
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response createAssessment(String acronym, AssessmentInput input, String idempotencyKey) {
        return idempotency.create(
                idempotencyKey,
                "POST /missions/" + acronym + "/assessments",
                input,
                () -> {
                    Versioned<Assessment> created = service.create(acronym, input);
                    return ETags.respond(
                            Response.created(
                                    URI.create(
                                            "/missions/"
                                                    + acronym
                                                    + "/assessments/"
                                                    + created.body().getId())),
                            created);
                },
                id -> getAssessment(acronym, UUID.fromString(id)));
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response replaceAssessment(
            String acronym, UUID assessmentId, String ifMatch, AssessmentInput input) {
        return ETags.respond(Response.ok(), service.replace(acronym, assessmentId, ifMatch, input));
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response deleteAssessment(String acronym, UUID assessmentId, String ifMatch) {
        service.delete(acronym, assessmentId, ifMatch);
        return Response.noContent().build();
    }
}
