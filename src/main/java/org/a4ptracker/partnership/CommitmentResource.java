package org.a4ptracker.partnership;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.a4ptracker.api.CommitmentsApi;
import org.a4ptracker.api.model.CommitmentArea;
import org.a4ptracker.api.model.CommitmentInput;
import org.a4ptracker.api.model.CommitmentOwner;
import org.a4ptracker.api.model.CommitmentPage;
import org.a4ptracker.api.model.CommitmentStatus;
import org.a4ptracker.platform.http.ETags;
import org.a4ptracker.platform.http.Idempotency;
import org.a4ptracker.platform.persistence.Keyset;
import org.a4ptracker.platform.security.Roles;
import org.a4ptracker.platform.persistence.Dates;

@RolesAllowed({Roles.READER, Roles.EDITOR, Roles.CONDUCT_OFFICER, Roles.ADMIN})
public class CommitmentResource implements CommitmentsApi {

    private final CommitmentService service;
    private final Idempotency idempotency;

    CommitmentResource(CommitmentService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @Override
    public Response listCommitments(UUID partnershipId, CommitmentStatus status, CommitmentArea area,
                                    CommitmentOwner owner, Boolean overdue, Integer limit, String cursor) {
        LocalDate today = Dates.today();
        var filter = new CommitmentRepository.Filter(status == null ? null : status.toString(),
                area == null ? null : area.toString(), owner == null ? null : owner.toString(), overdue, today);
        var page = service.list(partnershipId, filter, Keyset.of(limit, cursor, 2)).map(c -> PartnershipMapper.toApi(c, today));
        return Response.ok(new CommitmentPage().items(page.items()).nextCursor(page.nextCursor())).build();
    }

    @Override
    public Response getCommitment(UUID partnershipId, UUID commitmentId) {
        return withETag(Response.ok(), service.get(partnershipId, commitmentId));
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response createCommitment(UUID partnershipId, CommitmentInput input, String idempotencyKey) {
        String path = "/host-country-partnerships/" + partnershipId + "/commitments";
        return idempotency.create(idempotencyKey, "POST " + path, input, () -> {
            CommitmentEntity created = service.create(partnershipId, input);
            return withETag(Response.created(URI.create(path + "/" + created.id)), created);
        }, id -> getCommitment(partnershipId, UUID.fromString(id)));
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response replaceCommitment(UUID partnershipId, UUID commitmentId, String ifMatch, CommitmentInput input) {
        return withETag(Response.ok(), service.replace(partnershipId, commitmentId, ifMatch, input));
    }

    @Override
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Response deleteCommitment(UUID partnershipId, UUID commitmentId, String ifMatch) {
        service.delete(partnershipId, commitmentId, ifMatch);
        return Response.noContent().build();
    }

    private static Response withETag(Response.ResponseBuilder response, CommitmentEntity commitment) {
        return response.entity(PartnershipMapper.toApi(commitment, Dates.today()))
                .header(HttpHeaders.ETAG, ETags.of(commitment.version)).build();
    }
}
