package org.a4ptracker.accountability;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.a4ptracker.api.AccountabilityCasesApi;
import org.a4ptracker.api.model.CaseCreate;
import org.a4ptracker.api.model.CaseKind;
import org.a4ptracker.api.model.CasePage;
import org.a4ptracker.api.model.CaseRead;
import org.a4ptracker.api.model.CaseReadPage;
import org.a4ptracker.api.model.CaseStatistics;
import org.a4ptracker.api.model.CaseStatus;
import org.a4ptracker.api.model.CaseUpdate;
import org.a4ptracker.api.model.InvestigatingEntity;
import org.a4ptracker.api.model.InvestigationStatistics;
import org.a4ptracker.api.model.MisconductCategory;
import org.a4ptracker.api.model.PersonnelCategory;
import org.a4ptracker.api.model.StatisticsDimension;
import org.a4ptracker.api.model.StatisticsGroup;
import org.a4ptracker.api.model.TransitionInput;
import org.a4ptracker.api.model.VictimCounts;
import org.a4ptracker.platform.security.CallerScope;
import org.a4ptracker.platform.http.ETags;
import org.a4ptracker.platform.http.Idempotency;
import org.a4ptracker.platform.persistence.Keyset;
import org.a4ptracker.platform.security.Roles;

import com.fasterxml.jackson.databind.JsonNode;
import org.a4ptracker.platform.persistence.Dates;

@RolesAllowed({Roles.READER, Roles.EDITOR, Roles.CONDUCT_OFFICER, Roles.ADMIN})
public class CaseResource implements AccountabilityCasesApi {

    private final CaseService service;
    private final CaseStatisticsQueries statistics;
    private final Idempotency idempotency;
    private final CallerScope scope;

    CaseResource(CaseService service, CaseStatisticsQueries statistics, Idempotency idempotency, CallerScope scope) {
        this.service = service;
        this.statistics = statistics;
        this.idempotency = idempotency;
        this.scope = scope;
    }

    @Override
    public Response listCases(CaseKind kind, String mission, CaseStatus status, MisconductCategory category,
                              LocalDate reportedFrom, LocalDate reportedTo, Boolean overdue, String reference,
                              Integer limit, String cursor) {
        var filter = new CaseRepository.Filter(text(kind), mission, text(status), text(category), reportedFrom,
                reportedTo, overdue, reference);
        Keyset.Page<CaseEntity> page = service.list(filter, Keyset.of(limit, cursor, 2));
        LocalDate today = Dates.today();
        return Response.ok(new CasePage()
                .items(page.items().stream().map(c -> CaseMapper.toSummary(c, today, service.targetDays())).toList())
                .nextCursor(page.nextCursor())).build();
    }

    @Override
    public Response getCase(UUID caseId, OffsetDateTime asOf) {
        CaseService.View view = service.get(caseId, asOf);
        Response.ResponseBuilder response = Response.ok(
                CaseMapper.toApi(view.entity(), view.full(), view.day(), service.targetDays()));
        if (view.current()) {
            response.header(HttpHeaders.ETAG, ETags.of(view.entity().version));
        }
        return response.build();
    }

    @Override
    @RolesAllowed({Roles.CONDUCT_OFFICER, Roles.ADMIN})
    public Response createCase(CaseCreate input, String idempotencyKey) {
        return idempotency.create(idempotencyKey, "POST /accountability-cases", input, () -> {
            CaseEntity created = service.create(input);
            return current(Response.created(URI.create("/accountability-cases/" + created.id)), created);
        }, id -> getCase(UUID.fromString(id), null));
    }

    @Override
    @RolesAllowed({Roles.CONDUCT_OFFICER, Roles.ADMIN})
    public Response replaceCase(UUID caseId, String ifMatch, CaseUpdate input) {
        return current(Response.ok(), service.replace(caseId, ifMatch, input));
    }

    @Override
    @RolesAllowed({Roles.CONDUCT_OFFICER, Roles.ADMIN})
    public Response patchCase(UUID caseId, String ifMatch, JsonNode patch) {
        return current(Response.ok(), service.patch(caseId, ifMatch, patch));
    }

    @Override
    @RolesAllowed({Roles.CONDUCT_OFFICER, Roles.ADMIN})
    public Response transitionCase(UUID caseId, TransitionInput input, String ifMatch, String idempotencyKey) {
        return idempotency.create(idempotencyKey, "POST /accountability-cases/" + caseId + "/transitions", input,
                () -> current(Response.ok(), service.transition(caseId, ifMatch, input)), noLocation -> getCase(caseId, null));
    }

    @Override
    public Response getCaseHistory(UUID caseId, Integer limit, String cursor) {
        return Response.ok(service.history(caseId, Keyset.of(limit, cursor, 1))).build();
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Response listCaseReads(UUID caseId, Integer limit, String cursor) {
        Keyset.Page<CaseRepository.Read> page = service.reads(caseId, Keyset.of(limit, cursor, 2));
        return Response.ok(new CaseReadPage()
                .items(page.items().stream().map(r -> new CaseRead()
                        .reader(r.reader())
                        .readAt(r.readAt().withOffsetSameInstant(ZoneOffset.UTC))
                        .view(CaseRead.ViewEnum.fromValue(r.view()))).toList())
                .nextCursor(page.nextCursor())).build();
    }

    @Override
    @Transactional
    public Response getCaseStatistics(List<StatisticsDimension> groupBy, CaseKind kind, String mission,
                                      LocalDate reportedFrom, LocalDate reportedTo) {
        List<String> dimensions = groupBy == null ? List.of()
                : groupBy.stream().map(StatisticsDimension::toString).distinct().toList();
        CaseStatistics result = new CaseStatistics()
                .groupBy(dimensions.stream().map(StatisticsDimension::fromValue).toList())
                .groups(new ArrayList<>())
                .judicialPipeline(new ArrayList<>());
        if (!scope.seesAll() && scope.missions().isEmpty()) {
            return Response.ok(result).build();
        }
        var filter = new CaseStatisticsQueries.Filter(text(kind), mission, reportedFrom, reportedTo);
        Map<List<Object>, StatisticsGroup> groups = new LinkedHashMap<>();
        for (CaseStatisticsQueries.Row row : statistics.allegations(dimensions, filter, scope)) {
            Object[] m = row.measures();
            StatisticsGroup group = new StatisticsGroup()
                    .allegations(number(m[0]))
                    .victims(new VictimCounts().total(number(m[1])).women(number(m[2])).girls(number(m[3]))
                            .men(number(m[4])).boys(number(m[5])).ageUnknown(number(m[6])))
                    .investigations(new ArrayList<>())
                    .finalActions(new HashMap<>());
            label(group, dimensions, row.key());
            groups.put(row.key(), group);
        }
        for (CaseStatisticsQueries.Row row : statistics.investigations(dimensions, filter, scope)) {
            List<Object> key = row.key().subList(0, dimensions.size());
            Object[] m = row.measures();
            groups.get(key).getInvestigations().add(new InvestigationStatistics()
                    .entity(InvestigatingEntity.fromValue((String) row.key().get(dimensions.size())))
                    .investigations(number(m[0]))
                    .completed(number(m[1]))
                    .medianDurationDays(m[2] == null ? null : BigDecimal.valueOf(((Number) m[2]).doubleValue())));
        }
        for (CaseStatisticsQueries.Row row : statistics.finalActions(dimensions, filter, scope)) {
            List<Object> key = row.key().subList(0, dimensions.size());
            groups.get(key).getFinalActions().put((String) row.key().get(dimensions.size()), number(row.measures()[0]));
        }
        result.groups(new ArrayList<>(groups.values()));
        result.judicialPipeline(new ArrayList<>(statistics.judicialPipeline(filter, scope)));
        return Response.ok(result).build();
    }

    private static void label(StatisticsGroup group, List<String> dimensions, List<Object> key) {
        for (int i = 0; i < dimensions.size(); i++) {
            Object value = key.get(i);
            switch (dimensions.get(i)) {
                case "mission" -> group.missionAcronym((String) value);
                case "year" -> group.year(number(value));
                case "kind" -> group.kind(CaseKind.fromValue((String) value));
                case "category" -> group.category(value == null ? null : MisconductCategory.fromValue((String) value));
                case "personnel_category" -> group.personnelCategory(value == null ? null
                        : PersonnelCategory.fromValue((String) value));
                case "status" -> group.status(CaseStatus.fromValue((String) value));
                default -> throw new IllegalStateException("Unknown dimension " + dimensions.get(i));
            }
        }
    }

    private Response current(Response.ResponseBuilder response, CaseEntity c) {
        return response.entity(CaseMapper.toApi(c, service.fullView(), Dates.today(), service.targetDays()))
                .header(HttpHeaders.ETAG, ETags.of(c.version))
                .build();
    }

    private static Integer number(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
