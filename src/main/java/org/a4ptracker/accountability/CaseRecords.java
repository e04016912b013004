package org.a4ptracker.accountability;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.LocalDate;
import java.util.List;
import org.a4ptracker.platform.persistence.StoredEnum;

/**
 * The sub-records of a misconduct case as stored in its JSON columns. Kept apart from the API
 * models so that the contract can evolve without rewriting stored history; snake_case so that the
 * statistics SQL reads the same names the API uses. Their closed sets are stored as their text.
 */
final class CaseRecords {

    private CaseRecords() {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Victim(
            Sex sex,
            AgeGroup ageGroup,
            boolean assistanceOffered,
            boolean assistanceAccepted,
            List<Assistance> assistance) {}

    enum Sex implements StoredEnum {
        FEMALE,
        MALE,
        UNKNOWN
    }

    enum AgeGroup implements StoredEnum {
        ADULT,
        MINOR,
        UNKNOWN
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Assistance(AssistanceType type, String provider, LocalDate providedOn) {}

    enum AssistanceType implements StoredEnum {
        MEDICAL,
        PSYCHOSOCIAL,
        LEGAL,
        SHELTER,
        MATERIAL,
        LIVELIHOOD,
        OTHER
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Investigation(InvestigatingEntity entity, LocalDate openedOn, LocalDate completedOn) {}

    enum InvestigatingEntity implements StoredEnum {
        OIOS,
        NIO,
        PCC,
        MISSION_UNIT,
        JOINT
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record InterimAction(InterimActionType type, LocalDate takenOn) {}

    enum InterimActionType implements StoredEnum {
        PAYMENTS_SUSPENDED,
        ADMINISTRATIVE_LEAVE,
        REPATRIATION,
        CONFINEMENT
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record FinalAction(FinalActionType type, LocalDate takenOn) {}

    enum FinalActionType implements StoredEnum {
        REPATRIATION_AND_BAN,
        DISMISSAL,
        CENSURE,
        REPRIMAND,
        IMPRISONMENT,
        DEMOTION,
        PENDING_MEMBER_STATE_ACTION,
        NONE
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record MemberStateRequest(String country, LocalDate sentOn, LocalDate answeredOn) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PaternityClaim(PaternityStatus status, LocalDate openedOn) {}

    enum PaternityStatus implements StoredEnum {
        OPEN,
        DNA_REQUESTED,
        ESTABLISHED,
        NOT_ESTABLISHED,
        WITHDRAWN,
        RESOLVED_WITH_SUPPORT
    }
}
