package org.a4ptracker.partnership;

import java.time.ZoneOffset;
import java.util.UUID;
import org.a4ptracker.api.model.Commitment;
import org.a4ptracker.api.model.CommitmentArea;
import org.a4ptracker.api.model.CommitmentInput;
import org.a4ptracker.api.model.CommitmentOwner;
import org.a4ptracker.api.model.CommitmentStatus;
import org.a4ptracker.platform.persistence.StoredEnum;

/** A commitment between its entity and its API models, both ways. */
final class CommitmentMapper {

    private CommitmentMapper() {}

    /**
     * The commitment as shown; {@code overdue} as the database judged it (see
     * CommitmentRepository.OVERDUE).
     */
    static Commitment toApi(CommitmentRepository.Row row) {
        CommitmentEntity c = row.commitment();
        return new Commitment()
                .id(c.id)
                .partnershipId(c.partnershipId)
                .description(c.description)
                .area(CommitmentArea.fromValue(c.area.value()))
                .priorityCode(c.priorityCode)
                .owner(CommitmentOwner.fromValue(c.owner.value()))
                .dueDate(c.dueDate)
                .status(CommitmentStatus.fromValue(c.status.value()))
                .overdue(row.overdue())
                .createdAt(c.createdAt.withOffsetSameInstant(ZoneOffset.UTC))
                .updatedAt(c.updatedAt.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /**
     * A new commitment of the partnership; planned unless the input says otherwise (the contract's
     * default).
     */
    static CommitmentEntity toEntity(UUID partnership, CommitmentInput input) {
        CommitmentEntity c = new CommitmentEntity();
        c.partnershipId = partnership;
        c.status =
                input.getStatus() == null
                        ? CommitmentEntity.Status.PLANNED
                        : status(input.getStatus());
        apply(c, input);
        return c;
    }

    /** Everything but the status, which moves only along the workflow (see CommitmentService). */
    static void apply(CommitmentEntity c, CommitmentInput input) {
        c.description = input.getDescription();
        c.area = area(input.getArea());
        c.priorityCode = input.getPriorityCode();
        c.owner = owner(input.getOwner());
        c.dueDate = input.getDueDate();
    }

    static CommitmentEntity.Status status(CommitmentStatus status) {
        return StoredEnum.fromApi(CommitmentEntity.Status.class, status);
    }

    static CommitmentEntity.Area area(CommitmentArea area) {
        return StoredEnum.fromApi(CommitmentEntity.Area.class, area);
    }

    static CommitmentEntity.Owner owner(CommitmentOwner owner) {
        return StoredEnum.fromApi(CommitmentEntity.Owner.class, owner);
    }
}
