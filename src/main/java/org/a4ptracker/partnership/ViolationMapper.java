package org.a4ptracker.partnership;

import java.time.ZoneOffset;
import java.util.UUID;
import org.a4ptracker.api.model.Violation;
import org.a4ptracker.api.model.ViolationInput;
import org.a4ptracker.api.model.ViolationPerpetrator;
import org.a4ptracker.api.model.ViolationRaisedThrough;
import org.a4ptracker.api.model.ViolationStatus;
import org.a4ptracker.api.model.ViolationType;
import org.a4ptracker.platform.persistence.StoredEnum;

/** A violation between its entity and its API models, both ways. */
final class ViolationMapper {

    private ViolationMapper() {}

    static Violation toApi(ViolationEntity v) {
        return new Violation()
                .id(v.id)
                .partnershipId(v.partnershipId)
                .occurredOn(v.occurredOn)
                .type(ViolationType.fromValue(v.type.value()))
                .perpetrator(ViolationPerpetrator.fromValue(v.perpetrator.value()))
                .location(v.location)
                .description(v.description)
                .raisedThrough(
                        v.raisedThrough == null
                                ? null
                                : ViolationRaisedThrough.fromValue(v.raisedThrough.value()))
                .status(ViolationStatus.fromValue(v.status.value()))
                .resolutionDate(v.resolutionDate)
                .resolutionNote(v.resolutionNote)
                .createdAt(v.createdAt.withOffsetSameInstant(ZoneOffset.UTC))
                .updatedAt(v.updatedAt.withOffsetSameInstant(ZoneOffset.UTC));
    }

    static ViolationEntity toEntity(UUID partnership, ViolationInput input) {
        ViolationEntity v = new ViolationEntity();
        v.partnershipId = partnership;
        apply(v, input);
        return v;
    }

    /** Replaces the violation's state; what the input leaves out is cleared. */
    static void apply(ViolationEntity v, ViolationInput input) {
        v.occurredOn = input.getOccurredOn();
        v.type = type(input.getType());
        v.perpetrator = perpetrator(input.getPerpetrator());
        v.location = input.getLocation();
        v.description = input.getDescription();
        v.raisedThrough =
                StoredEnum.fromApi(ViolationEntity.Channel.class, input.getRaisedThrough());
        v.status = status(input.getStatus());
        v.resolutionDate = input.getResolutionDate();
        v.resolutionNote = input.getResolutionNote();
    }

    static ViolationEntity.Type type(ViolationType type) {
        return StoredEnum.fromApi(ViolationEntity.Type.class, type);
    }

    static ViolationEntity.Perpetrator perpetrator(ViolationPerpetrator perpetrator) {
        return StoredEnum.fromApi(ViolationEntity.Perpetrator.class, perpetrator);
    }

    static ViolationEntity.Status status(ViolationStatus status) {
        return StoredEnum.fromApi(ViolationEntity.Status.class, status);
    }
}
