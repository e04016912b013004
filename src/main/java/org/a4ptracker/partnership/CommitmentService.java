package org.a4ptracker.partnership;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.a4ptracker.api.model.CommitmentInput;
import org.a4ptracker.platform.security.CallerScope;
import org.a4ptracker.platform.http.ETags;
import org.a4ptracker.platform.persistence.Keyset;
import org.a4ptracker.platform.http.ProblemException;
import org.a4ptracker.platform.persistence.Dates;

@ApplicationScoped
public class CommitmentService {

    private final PartnershipRepository partnerships;
    private final CommitmentRepository commitments;
    private final EntityManager em;
    private final CallerScope scope;

    CommitmentService(PartnershipRepository partnerships, CommitmentRepository commitments, EntityManager em,
                      CallerScope scope) {
        this.partnerships = partnerships;
        this.commitments = commitments;
        this.em = em;
        this.scope = scope;
    }

    @Transactional
    public Keyset.Page<CommitmentEntity> list(UUID partnership, CommitmentRepository.Filter filter, Keyset keyset) {
        partnerships.require(partnership, scope);
        return commitments.page(partnership, filter, keyset);
    }

    @Transactional
    public CommitmentEntity get(UUID partnership, UUID id) {
        return require(partnership, id);
    }

    @Transactional
    public CommitmentEntity create(UUID partnership, CommitmentInput input) {
        partnerships.require(partnership, scope);
        validate(input);
        CommitmentEntity commitment = new CommitmentEntity();
        commitment.partnershipId = partnership;
        commitment.status = input.getStatus() == null ? "planned" : input.getStatus().toString();
        apply(commitment, input);
        commitments.persistAndFlush(commitment);
        return commitment;
    }

    @Transactional
    public CommitmentEntity replace(UUID partnership, UUID id, String ifMatch, CommitmentInput input) {
        CommitmentEntity commitment = require(partnership, id);
        ETags.requireMatch(ifMatch, commitment.version);
        validate(input);
        String target = input.getStatus() == null ? commitment.status : input.getStatus().toString();
        if (!target.equals(commitment.status)) {
            List<String> allowed = CommitmentEntity.TRANSITIONS.get(commitment.status);
            if (!allowed.contains(target)) {
                throw ProblemException.invalidTransition("Commitment " + id + " is " + commitment.status
                        + (allowed.isEmpty() ? ", which is final" : "; it can move to " + String.join(", ", allowed))
                        + ", not to " + target + ".", allowed);
            }
        }
        commitment.status = target;
        apply(commitment, input);
        commitments.flush();
        return commitment;
    }

    @Transactional
    public void delete(UUID partnership, UUID id, String ifMatch) {
        CommitmentEntity commitment = require(partnership, id);
        ETags.requireMatch(ifMatch, commitment.version);
        commitments.delete(commitment);
        commitments.flush();
    }

    private CommitmentEntity require(UUID partnership, UUID id) {
        partnerships.require(partnership, scope);
        return commitments.find(partnership, id)
                .orElseThrow(() -> ProblemException.notFound("No commitment " + id + " in partnership " + partnership + "."));
    }

    private void validate(CommitmentInput input) {
        if (input.getPriorityCode() != null && ((Number) em.createNativeQuery("SELECT count(*) FROM priority WHERE code = :code")
                .setParameter("code", input.getPriorityCode()).getSingleResult()).longValue() == 0) {
            throw ProblemException.invalidField("/priority_code", "is not an A4P+ priority");
        }
    }

    private static void apply(CommitmentEntity commitment, CommitmentInput input) {
        commitment.description = input.getDescription();
        commitment.area = input.getArea().toString();
        commitment.priorityCode = input.getPriorityCode();
        commitment.owner = input.getOwner().toString();
        commitment.dueDate = input.getDueDate();
    }
}
