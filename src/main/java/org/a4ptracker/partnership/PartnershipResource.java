package org.a4ptracker.partnership;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.a4ptracker.api.PartnershipsApi;
import org.a4ptracker.api.model.AgreementType;
import org.a4ptracker.api.model.HistoryPage;
import org.a4ptracker.api.model.Partnership;
import org.a4ptracker.api.model.PartnershipCreate;
import org.a4ptracker.api.model.PartnershipPage;
import org.a4ptracker.api.model.PartnershipStatus;
import org.a4ptracker.api.model.PartnershipUpdate;
import org.a4ptracker.platform.http.ETags;
import org.a4ptracker.platform.http.Idempotency;
import org.a4ptracker.platform.http.Lists;
import org.a4ptracker.platform.http.Versioned;
import org.a4ptracker.platform.security.Roles;

@RolesAllowed({Roles.READER, Roles.EDITOR, Roles.CONDUCT_OFFICER, Roles.ADMIN})
public class PartnershipResource implements PartnershipsApi {

    private final PartnershipService service;
    private final Idempotency idempotency;
    private final Lists lists;

    PartnershipResource(PartnershipService service, Idempotency idempotency, Lists lists) {
        this.service = service;
        this.idempotency = idempotency;
        this.lists = lists;
    }

    @Override
    public Response listPartnerships(
            String mission,
            String country,
            PartnershipStatus status,
            AgreementType agreementType,
            Integer limit,
            String cursor) {
        return lists.answer(
                "listPartnerships",
                limit,
                cursor,
                2,
                keyset -> service.list(mission, country, status, agreementType, keyset),
                (items, next) -> new PartnershipPage().items(items).nextCursor(next));
    }

    @Override
    public Response getPartnership(UUID partnershipId) {
        return ETags.respond(Response.ok(), service.get(partnershipId));
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response createPartnership(PartnershipCreate input, String idempotencyKey) {
        return idempotency.create(
                idempotencyKey,
                "POST /host-country-partnerships",
                input,
                () -> {
                    Versioned<Partnership> created = service.create(input);
                    return ETags.respond(
                            Response.created(
                                    URI.create(
                                            "/host-country-partnerships/"
                                                    + created.body().getId())),
                            created);
                },
                id -> getPartnership(UUID.fromString(id)));
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response replacePartnership(
            UUID partnershipId, String ifMatch, PartnershipUpdate input) {
        return ETags.respond(Response.ok(), service.replace(partnershipId, ifMatch, input));
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response patchPartnership(UUID partnershipId, String ifMatch, JsonNode patch) {
        return ETags.respond(Response.ok(), service.patch(partnershipId, ifMatch, patch));
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response deletePartnership(UUID partnershipId, String ifMatch) {
        service.delete(partnershipId, ifMatch);
        return Response.noContent().build();
    }

    @Override
    public Response getPartnershipSummary(UUID partnershipId) {
        return Response.ok(service.summary(partnershipId)).build();
    }

    @Override
    public Response listPartnershipHistory(UUID partnershipId, Integer limit, String cursor) {
        return lists.answer(
                "listPartnershipHistory",
                limit,
                cursor,
                1,
                keyset -> service.history(partnershipId, keyset),
                (items, next) -> new HistoryPage().items(items).nextCursor(next));
    }
}
