package org.a4ptracker.partnership;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.a4ptracker.api.CommitmentsApi;
import org.a4ptracker.api.model.Commitment;
import org.a4ptracker.api.model.CommitmentArea;
import org.a4ptracker.api.model.CommitmentInput;
import org.a4ptracker.api.model.CommitmentOwner;
import org.a4ptracker.api.model.CommitmentPage;
import org.a4ptracker.api.model.CommitmentStatus;
import org.a4ptracker.platform.http.ETags;
import org.a4ptracker.platform.http.Idempotency;
import org.a4ptracker.platform.http.Lists;
import org.a4ptracker.platform.http.Versioned;
import org.a4ptracker.platform.security.Roles;

@RolesAllowed({Roles.READER, Roles.EDITOR, Roles.CONDUCT_OFFICER, Roles.ADMIN})
public class CommitmentResource implements CommitmentsApi {

    private final CommitmentService service;
    private final Idempotency idempotency;
    private final Lists lists;

    CommitmentResource(CommitmentService service, Idempotency idempotency, Lists lists) {
        this.service = service;
        this.idempotency = idempotency;
        this.lists = lists;
    }

    @Override
    public Response listCommitments(
            UUID partnershipId,
            CommitmentStatus status,
            CommitmentArea area,
            CommitmentOwner owner,
            Boolean overdue,
            Integer limit,
            String cursor) {
        return lists.answer(
                "listCommitments",
                limit,
                cursor,
                2,
                keyset -> service.list(partnershipId, status, area, owner, overdue, keyset),
                (items, next) -> new CommitmentPage().items(items).nextCursor(next));
    }

    @Override
    public Response getCommitment(UUID partnershipId, UUID commitmentId) {
        return ETags.respond(Response.ok(), service.get(partnershipId, commitmentId));
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response createCommitment(
            UUID partnershipId, CommitmentInput input, String idempotencyKey) {
        String path = "/host-country-partnerships/" + partnershipId + "/commitments";
        return idempotency.create(
                idempotencyKey,
                "POST " + path,
                input,
                () -> {
                    Versioned<Commitment> created = service.create(partnershipId, input);
                    return ETags.respond(
                            Response.created(URI.create(path + "/" + created.body().getId())),
                            created);
                },
                id -> getCommitment(partnershipId, UUID.fromString(id)));
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response replaceCommitment(
            UUID partnershipId, UUID commitmentId, String ifMatch, CommitmentInput input) {
        return ETags.respond(
                Response.ok(), service.replace(partnershipId, commitmentId, ifMatch, input));
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response deleteCommitment(UUID partnershipId, UUID commitmentId, String ifMatch) {
        service.delete(partnershipId, commitmentId, ifMatch);
        return Response.noContent().build();
    }
}
