package org.a4ptracker.mission;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import org.a4ptracker.api.MissionsApi;
import org.a4ptracker.api.model.Mission;
import org.a4ptracker.api.model.MissionCreate;
import org.a4ptracker.api.model.MissionPage;
import org.a4ptracker.api.model.MissionSort;
import org.a4ptracker.api.model.MissionStatus;
import org.a4ptracker.api.model.MissionUpdate;
import org.a4ptracker.platform.http.ETags;
import org.a4ptracker.platform.http.Idempotency;
import org.a4ptracker.platform.http.Lists;
import org.a4ptracker.platform.http.MemoryAnswers;
import org.a4ptracker.platform.http.Versioned;
import org.a4ptracker.platform.security.Roles;

@RolesAllowed({Roles.READER, Roles.EDITOR, Roles.CONDUCT_OFFICER, Roles.ADMIN})
public class MissionResource implements MissionsApi {

    private final MissionService service;
    private final Idempotency idempotency;
    private final Lists lists;

    MissionResource(MissionService service, Idempotency idempotency, Lists lists) {
        this.service = service;
        this.idempotency = idempotency;
        this.lists = lists;
    }

    @Override
    public Response listMissions(
            MissionStatus status,
            String hostCountry,
            String q,
            LocalDate startedAfter,
            LocalDate startedBefore,
            MissionSort sort,
            Integer limit,
            String cursor) {
        return lists.answer(
                "listMissions",
                limit,
                cursor,
                2,
                keyset ->
                        service.list(
                                status, hostCountry, q, startedAfter, startedBefore, sort, keyset),
                (items, next) -> new MissionPage().items(items).nextCursor(next));
    }

    @Override
    public Response getMission(String acronym, String ifNoneMatch) {
        return ETags.respondFresh(Response.ok(), service.get(acronym), ifNoneMatch);
    }

    /** {@link #getMission} for a mission held in memory, on the I/O thread. */
    @Singleton
    static class FromMemory extends MemoryAnswers.MemoryAnswer {
        FromMemory(MissionService service) {
            super(
                    "getMission",
                    request ->
                            service.held(MemoryAnswers.pathParameter(request, "acronym"))
                                    .map(
                                            mission ->
                                                    ETags.respondFresh(
                                                            Response.ok(),
                                                            mission,
                                                            request.getHeaderString(
                                                                    HttpHeaders.IF_NONE_MATCH))));
        }
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response createMission(MissionCreate input, String idempotencyKey) {
        return idempotency.create(
                idempotencyKey,
                "POST /missions",
                input,
                () -> {
                    Versioned<Mission> created = service.create(input);
                    return ETags.respond(
                            Response.created(
                                    URI.create("/missions/" + created.body().getAcronym())),
                            created);
                },
                acronym -> getMission(acronym, null));
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response replaceMission(String acronym, String ifMatch, MissionUpdate input) {
        return ETags.respond(Response.ok(), service.replace(acronym, ifMatch, input));
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response patchMission(String acronym, String ifMatch, JsonNode patch) {
        return ETags.respond(Response.ok(), service.patch(acronym, ifMatch, patch));
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response deleteMission(String acronym, String ifMatch) {
        service.delete(acronym, ifMatch);
        return Response.noContent().build();
    }
}
