package org.a4ptracker.partnership;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.a4ptracker.api.ViolationsApi;
import org.a4ptracker.api.model.Violation;
import org.a4ptracker.api.model.ViolationInput;
import org.a4ptracker.api.model.ViolationPage;
import org.a4ptracker.api.model.ViolationPerpetrator;
import org.a4ptracker.api.model.ViolationStatus;
import org.a4ptracker.api.model.ViolationType;
import org.a4ptracker.platform.http.ETags;
import org.a4ptracker.platform.http.Idempotency;
import org.a4ptracker.platform.http.Lists;
import org.a4ptracker.platform.http.Versioned;
import org.a4ptracker.platform.security.Roles;

@RolesAllowed({Roles.READER, Roles.EDITOR, Roles.CONDUCT_OFFICER, Roles.ADMIN})
public class ViolationResource implements ViolationsApi {

    private final ViolationService service;
    private final Idempotency idempotency;
    private final Lists lists;

    ViolationResource(ViolationService service, Idempotency idempotency, Lists lists) {
        this.service = service;
        this.idempotency = idempotency;
        this.lists = lists;
    }

    @Override
    public Response listViolations(
            UUID partnershipId,
            ViolationType type,
            ViolationStatus status,
            ViolationPerpetrator perpetrator,
            LocalDate occurredFrom,
            LocalDate occurredTo,
            Integer limit,
            String cursor) {
        return lists.answer(
                "listViolations",
                limit,
                cursor,
                2,
                keyset ->
                        service.list(
                                partnershipId,
                                type,
                                status,
                                perpetrator,
                                occurredFrom,
                                occurredTo,
                                keyset),
                (items, next) -> new ViolationPage().items(items).nextCursor(next));
    }

    @Override
    public Response getViolation(UUID partnershipId, UUID violationId) {
        return ETags.respond(Response.ok(), service.get(partnershipId, violationId));
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response createViolation(
            UUID partnershipId, ViolationInput input, String idempotencyKey) {
        String path = "/host-country-partnerships/" + partnershipId + "/violations";
        return idempotency.create(
                idempotencyKey,
                "POST " + path,
                input,
                () -> {
                    Versioned<Violation> created = service.create(partnershipId, input);
                    return ETags.respond(
                            Response.created(URI.create(path + "/" + created.body().getId())),
                            created);
                },
                id -> getViolation(partnershipId, UUID.fromString(id)));
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response replaceViolation(
            UUID partnershipId, UUID violationId, String ifMatch, ViolationInput input) {
        return ETags.respond(
                Response.ok(), service.replace(partnershipId, violationId, ifMatch, input));
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response deleteViolation(UUID partnershipId, UUID violationId, String ifMatch) {
        service.delete(partnershipId, violationId, ifMatch);
        return Response.noContent().build();
    }
}
