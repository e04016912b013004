package org.a4ptracker.mission;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.a4ptracker.api.MissionsApi;
import org.a4ptracker.api.model.Mandate;
import org.a4ptracker.api.model.Mission;
import org.a4ptracker.api.model.MissionCreate;
import org.a4ptracker.api.model.MissionName;
import org.a4ptracker.api.model.MissionPage;
import org.a4ptracker.api.model.MissionSort;
import org.a4ptracker.api.model.MissionStatus;
import org.a4ptracker.api.model.MissionUpdate;
import org.a4ptracker.platform.http.ETags;
import org.a4ptracker.platform.http.Idempotency;
import org.a4ptracker.platform.persistence.Keyset;
import org.a4ptracker.platform.security.Roles;

import com.fasterxml.jackson.databind.JsonNode;

@RolesAllowed({Roles.READER, Roles.EDITOR, Roles.CONDUCT_OFFICER, Roles.ADMIN})
public class MissionResource implements MissionsApi {

    private final MissionService service;
    private final Idempotency idempotency;

    MissionResource(MissionService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @Override
    public Response listMissions(MissionStatus status, String hostCountry, String q, LocalDate startedAfter,
                                 LocalDate startedBefore, MissionSort sort, Integer limit, String cursor) {
        var filter = new MissionRepository.Filter(status == null ? null : status.toString(), hostCountry, q,
                startedAfter, startedBefore, sort == null ? "acronym" : sort.toString());
        Keyset.Page<Mission> page = service.list(filter, Keyset.of(limit, cursor, 2)).map(MissionResource::toApi);
        return Response.ok(new MissionPage().items(page.items()).nextCursor(page.nextCursor())).build();
    }

    @Override
    public Response getMission(String acronym) {
        return withETag(Response.ok(), service.get(acronym));
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response createMission(MissionCreate input, String idempotencyKey) {
        return idempotency.create(idempotencyKey, "POST /missions", input, () -> {
            MissionEntity created = service.create(input);
            return withETag(Response.created(URI.create("/missions/" + created.acronym)), created);
        }, this::getMission);
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response replaceMission(String acronym, String ifMatch, MissionUpdate input) {
        return withETag(Response.ok(), service.replace(acronym, ifMatch, input));
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response patchMission(String acronym, String ifMatch, JsonNode patch) {
        return withETag(Response.ok(), service.patch(acronym, ifMatch, patch));
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response deleteMission(String acronym, String ifMatch) {
        service.delete(acronym, ifMatch);
        return Response.noContent().build();
    }

    private static Response withETag(Response.ResponseBuilder response, MissionEntity mission) {
        return response.entity(toApi(mission)).header(HttpHeaders.ETAG, ETags.of(mission.version)).build();
    }

    static Mission toApi(MissionEntity m) {
        return new Mission()
                .acronym(m.acronym)
                .name(new MissionName().en(m.nameEn).fr(m.nameFr))
                .hostCountries(Arrays.asList(m.hostCountries))
                .hostTerritory(m.hostTerritory)
                .startDate(m.startDate)
                .endDate(m.endDate)
                .mandate(m.mandateResolution == null ? null
                        : new Mandate().resolution(m.mandateResolution).adoptedOn(m.mandateAdoptedOn))
                .headquarters(m.headquarters)
                .status(MissionStatus.fromValue(m.status))
                .createdAt(m.createdAt.withOffsetSameInstant(ZoneOffset.UTC))
                .updatedAt(m.updatedAt.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
