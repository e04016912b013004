package org.a4ptracker.priority;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.a4ptracker.api.IndicatorsApi;
import org.a4ptracker.api.model.Indicator;
import org.a4ptracker.api.model.IndicatorInput;
import org.a4ptracker.api.model.IndicatorPage;
import org.a4ptracker.platform.http.ETags;
import org.a4ptracker.platform.http.Idempotency;
import org.a4ptracker.platform.http.Lists;
import org.a4ptracker.platform.http.MemoryAnswers;
import org.a4ptracker.platform.http.Versioned;
import org.a4ptracker.platform.security.Roles;

@RolesAllowed({Roles.READER, Roles.EDITOR, Roles.CONDUCT_OFFICER, Roles.ADMIN})
public class IndicatorResource implements IndicatorsApi {

    private final IndicatorService service;
    private final Idempotency idempotency;
    private final Lists lists;

    IndicatorResource(IndicatorService service, Idempotency idempotency, Lists lists) {
        this.service = service;
        this.idempotency = idempotency;
        this.lists = lists;
    }

    @Override
    public Response listIndicators(String code, Integer limit, String cursor) {
        return lists.answer(
                "listIndicators",
                limit,
                cursor,
                2,
                keyset -> service.list(code, keyset),
                (items, next) -> new IndicatorPage().items(items).nextCursor(next));
    }

    @Override
    public Response getIndicator(String code, UUID indicatorId, String ifNoneMatch) {
        return ETags.respondFresh(Response.ok(), service.get(code, indicatorId), ifNoneMatch);
    }

    /** {@link #getIndicator} for an indicator held in memory, on the I/O thread. */
    @Singleton
    static class FromMemory extends MemoryAnswers.MemoryAnswer {
        FromMemory(IndicatorService service) {
            super(
                    "getIndicator",
                    request ->
                            MemoryAnswers.uuidParameter(request, "indicator_id")
                                    .flatMap(
                                            id ->
                                                    service.held(
                                                            MemoryAnswers.pathParameter(
                                                                    request, "code"),
                                                            id))
                                    .map(
                                            indicator ->
                                                    ETags.respondFresh(
                                                            Response.ok(),
                                                            indicator,
                                                            request.getHeaderString(
                                                                    HttpHeaders.IF_NONE_MATCH))));
        }
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response createIndicator(String code, IndicatorInput input, String idempotencyKey) {
        return idempotency.create(
                idempotencyKey,
                "POST /priorities/" + code + "/indicators",
                input,
                () -> {
                    Versioned<Indicator> created = service.create(code, input);
                    return ETags.respond(
                            Response.created(
                                    URI.create(
                                            "/priorities/"
                                                    + code
                                                    + "/indicators/"
                                                    + created.body().getId())),
                            created);
                },
                id -> getIndicator(code, UUID.fromString(id), null));
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response replaceIndicator(
            String code, UUID indicatorId, String ifMatch, IndicatorInput input) {
        return ETags.respond(Response.ok(), service.replace(code, indicatorId, ifMatch, input));
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response deleteIndicator(String code, UUID indicatorId, String ifMatch) {
        service.delete(code, indicatorId, ifMatch);
        return Response.noContent().build();
    }
}
