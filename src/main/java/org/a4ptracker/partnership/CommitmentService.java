package org.a4ptracker.partnership;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.a4ptracker.api.model.Commitment;
import org.a4ptracker.api.model.CommitmentArea;
import org.a4ptracker.api.model.CommitmentInput;
import org.a4ptracker.api.model.CommitmentOwner;
import org.a4ptracker.api.model.CommitmentStatus;
import org.a4ptracker.api.model.EventType;
import org.a4ptracker.events.ChangeEvents;
import org.a4ptracker.platform.http.ETags;
import org.a4ptracker.platform.http.ProblemException;
import org.a4ptracker.platform.http.Versioned;
import org.a4ptracker.platform.persistence.Dates;
import org.a4ptracker.platform.persistence.Keyset;
import org.a4ptracker.platform.persistence.StoredEnum;
import org.a4ptracker.platform.security.CallerScope;
import org.a4ptracker.priority.PriorityLookup;

/** The joint commitments of a partnership the caller may see; overdue as of today in UTC. */
@ApplicationScoped
@Transactional
public class CommitmentService {

    private final PartnershipRepository partnerships;
    private final CommitmentRepository commitments;
    private final PriorityLookup priorities;
    private final CallerScope scope;
    private final ChangeEvents events;

    CommitmentService(
            PartnershipRepository partnerships,
            CommitmentRepository commitments,
            PriorityLookup priorities,
            CallerScope scope,
            ChangeEvents events) {
        this.events = events;
        this.partnerships = partnerships;
        this.commitments = commitments;
        this.priorities = priorities;
        this.scope = scope;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Keyset.Page<Commitment> list(
            UUID partnership,
            CommitmentStatus status,
            CommitmentArea area,
            CommitmentOwner owner,
            Boolean overdue,
            Keyset keyset) {
        partnerships.require(partnership, scope);
        var filter =
                new CommitmentRepository.Filter(
                        CommitmentMapper.status(status),
                        CommitmentMapper.area(area),
                        CommitmentMapper.owner(owner),
                        overdue);
        return commitments
                .page(partnership, filter, Dates.today(), keyset)
                .map(CommitmentMapper::toApi);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Versioned<Commitment> get(UUID partnership, UUID id) {
        return versioned(require(partnership, id));
    }

    public Versioned<Commitment> create(UUID partnership, CommitmentInput input) {
        PartnershipEntity parent = partnerships.require(partnership, scope);
        validate(input);
        CommitmentEntity commitment = CommitmentMapper.toEntity(partnership, input);
        commitments.persistAndFlush(commitment);
        return events.created(
                EventType.ORG_A4PTRACKER_COMMITMENT_CREATED,
                subject(parent, commitment),
                reread(commitment));
    }

    public Versioned<Commitment> replace(
            UUID partnership, UUID id, String ifMatch, CommitmentInput input) {
        CommitmentRepository.Row found = require(partnership, id);
        CommitmentEntity commitment = found.commitment();
        ETags.requireMatch(ifMatch, commitment.version);
        JsonNode before = events.snapshot(CommitmentMapper.toApi(found));
        validate(input);
        if (input.getStatus() != null) {
            commitment.status = moved(commitment, CommitmentMapper.status(input.getStatus()));
        }
        CommitmentMapper.apply(commitment, input);
        commitments.flush();
        return events.updated(
                EventType.ORG_A4PTRACKER_COMMITMENT_UPDATED,
                subject(partnerships.require(partnership, scope), commitment),
                before,
                reread(commitment));
    }

    public void delete(UUID partnership, UUID id, String ifMatch) {
        CommitmentEntity commitment = require(partnership, id).commitment();
        ETags.requireMatch(ifMatch, commitment.version);
        commitments.delete(commitment);
        commitments.flush();
        events.deleted(
                EventType.ORG_A4PTRACKER_COMMITMENT_DELETED,
                subject(partnerships.require(partnership, scope), commitment));
    }

    private static ChangeEvents.Subject subject(
            PartnershipEntity partnership, CommitmentEntity commitment) {
        return new ChangeEvents.Subject(
                "/host-country-partnerships/" + partnership.id + "/commitments/" + commitment.id,
                partnership.missionAcronym,
                ChangeEvents.ids().partnershipId(partnership.id).commitmentId(commitment.id));
    }

    private CommitmentRepository.Row require(UUID partnership, UUID id) {
        partnerships.require(partnership, scope);
        return commitments
                .find(partnership, id, Dates.today())
                .orElseThrow(
                        () ->
                                ProblemException.notFound(
                                        "No commitment "
                                                + id
                                                + " in partnership "
                                                + partnership
                                                + "."));
    }

    /** The commitment as just written, with the database's word on whether it is overdue. */
    private Versioned<Commitment> reread(CommitmentEntity commitment) {
        return versioned(require(commitment.partnershipId, commitment.id));
    }

    /** The target status, if the workflow allows the move (staying put always is). */
    private static CommitmentEntity.Status moved(
            CommitmentEntity commitment, CommitmentEntity.Status target) {
        List<CommitmentEntity.Status> allowed = commitment.status.next();
        if (target != commitment.status && !allowed.contains(target)) {
            List<String> names = allowed.stream().map(StoredEnum::value).toList();
            throw ProblemException.invalidTransition(
                    "Commitment "
                            + commitment.id
                            + " is "
                            + commitment.status.value()
                            + (names.isEmpty()
                                    ? ", which is final"
                                    : "; it can move to " + String.join(", ", names))
                            + ", not to "
                            + target.value()
                            + ".",
                    names);
        }
        return target;
    }

    private void validate(CommitmentInput input) {
        if (input.getPriorityCode() != null && !priorities.exists(input.getPriorityCode())) {
            throw ProblemException.invalidField("/priority_code", "is not an A4P+ priority");
        }
    }

    private static Versioned<Commitment> versioned(CommitmentRepository.Row row) {
        return new Versioned<>(CommitmentMapper.toApi(row), row.commitment().version);
    }
}
