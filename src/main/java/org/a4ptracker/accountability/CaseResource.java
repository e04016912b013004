package org.a4ptracker.accountability;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.a4ptracker.api.AccountabilityCasesApi;
import org.a4ptracker.api.model.CaseCreate;
import org.a4ptracker.api.model.CaseKind;
import org.a4ptracker.api.model.CasePage;
import org.a4ptracker.api.model.CaseReadPage;
import org.a4ptracker.api.model.CaseStatistics;
import org.a4ptracker.api.model.CaseStatus;
import org.a4ptracker.api.model.CaseUpdate;
import org.a4ptracker.api.model.HistoryPage;
import org.a4ptracker.api.model.MisconductCategory;
import org.a4ptracker.api.model.StatisticsDimension;
import org.a4ptracker.api.model.TransitionInput;
import org.a4ptracker.platform.http.ETags;
import org.a4ptracker.platform.http.Idempotency;
import org.a4ptracker.platform.http.Lists;
import org.a4ptracker.platform.http.MemoryAnswers;
import org.a4ptracker.platform.security.Roles;

@RolesAllowed({Roles.READER, Roles.EDITOR, Roles.CONDUCT_OFFICER, Roles.ADMIN})
public class CaseResource implements AccountabilityCasesApi {

    private final CaseService service;
    private final Idempotency idempotency;
    private final Lists lists;

    CaseResource(CaseService service, Idempotency idempotency, Lists lists) {
        this.service = service;
        this.idempotency = idempotency;
        this.lists = lists;
    }

    @Override
    public Response listCases(
            CaseKind kind,
            String mission,
            CaseStatus status,
            MisconductCategory category,
            LocalDate reportedFrom,
            LocalDate reportedTo,
            Boolean overdue,
            String reference,
            Integer limit,
            String cursor) {
        return lists.answer(
                "listCases",
                limit,
                cursor,
                2,
                keyset ->
                        service.list(
                                kind,
                                mission,
                                status,
                                category,
                                reportedFrom,
                                reportedTo,
                                overdue,
                                reference,
                                keyset),
                (items, next) -> new CasePage().items(items).nextCursor(next));
    }

    @Override
    public Response getCase(UUID caseId, OffsetDateTime asOf) {
        return shown(
                Response.ok(), asOf == null ? service.current(caseId) : service.asOf(caseId, asOf));
    }

    @Override
    @RolesAllowed({Roles.CONDUCT_OFFICER, Roles.ADMIN})
    public Response createCase(CaseCreate input, String idempotencyKey) {
        return idempotency.create(
                idempotencyKey,
                "POST /accountability-cases",
                input,
                () -> {
                    CaseService.Shown created = service.create(input);
                    return shown(
                            Response.created(URI.create("/accountability-cases/" + created.id())),
                            created);
                },
                id -> getCase(UUID.fromString(id), null));
    }

    @Override
    @RolesAllowed({Roles.CONDUCT_OFFICER, Roles.ADMIN})
    public Response replaceCase(UUID caseId, String ifMatch, CaseUpdate input) {
        return shown(Response.ok(), service.replace(caseId, ifMatch, input));
    }

    @Override
    @RolesAllowed({Roles.CONDUCT_OFFICER, Roles.ADMIN})
    public Response patchCase(UUID caseId, String ifMatch, JsonNode patch) {
        return shown(Response.ok(), service.patch(caseId, ifMatch, patch));
    }

    @Override
    @RolesAllowed({Roles.CONDUCT_OFFICER, Roles.ADMIN})
    public Response transitionCase(
            UUID caseId, TransitionInput input, String ifMatch, String idempotencyKey) {
        return idempotency.create(
                idempotencyKey,
                "POST /accountability-cases/" + caseId + "/transitions",
                input,
                () -> shown(Response.ok(), service.transition(caseId, ifMatch, input)),
                noLocation -> getCase(caseId, null));
    }

    @Override
    public Response getCaseHistory(UUID caseId, Integer limit, String cursor) {
        return lists.answer(
                "getCaseHistory",
                limit,
                cursor,
                1,
                keyset -> service.history(caseId, keyset),
                (items, next) -> new HistoryPage().items(items).nextCursor(next));
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Response listCaseReads(UUID caseId, Integer limit, String cursor) {
        return lists.answer(
                "listCaseReads",
                limit,
                cursor,
                2,
                keyset -> service.reads(caseId, keyset),
                (items, next) -> new CaseReadPage().items(items).nextCursor(next));
    }

    @Override
    public Response getCaseStatistics(
            List<StatisticsDimension> groupBy,
            CaseKind kind,
            String mission,
            LocalDate reportedFrom,
            LocalDate reportedTo) {
        CaseStatistics statistics =
                service.statistics(groupBy, kind, mission, reportedFrom, reportedTo);
        return lists.table(
                statistics,
                CaseStatisticsMapper.csvColumns("StatisticsGroup", statistics.getGroupBy()),
                statistics.getGroups());
    }

    /** The case, with its ETag when it is the current state. */
    /**
     * {@link #getCase} for a case held in memory, on the I/O thread: the current state only, and
     * only for an id in its canonical form (anything else takes the resource method).
     */
    @Singleton
    static class FromMemory extends MemoryAnswers.MemoryAnswer {
        FromMemory(CaseService service) {
            super(
                    "getCase",
                    request ->
                            request.getUriInfo().getQueryParameters().containsKey("as_of")
                                    ? Optional.empty()
                                    : MemoryAnswers.uuidParameter(request, "case_id")
                                            .flatMap(service::held)
                                            .map(held -> shown(Response.ok(), held)));
        }
    }

    private static Response shown(Response.ResponseBuilder response, CaseService.Shown shown) {
        if (shown.version() != null) {
            response.header(HttpHeaders.ETAG, ETags.of(shown.version()));
        }
        return response.entity(shown.body()).build();
    }
}
