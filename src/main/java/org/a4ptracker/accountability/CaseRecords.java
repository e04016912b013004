package org.a4ptracker.accountability;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The sub-records of a misconduct case as stored in its JSON columns. Kept apart from the API
 * models so that the contract can evolve without rewriting stored history; snake_case so that the
 * statistics SQL reads the same names the API uses.
 */
final class CaseRecords {

    private CaseRecords() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Victim(String sex, String ageGroup, boolean assistanceOffered, boolean assistanceAccepted,
                  List<Assistance> assistance) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Assistance(String type, String provider, LocalDate providedOn) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Investigation(String entity, LocalDate openedOn, LocalDate completedOn) {
    }

    /** An interim or final action. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Action(String type, LocalDate takenOn) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record MemberStateRequest(String country, LocalDate sentOn, LocalDate answeredOn) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PaternityClaim(String status, LocalDate openedOn) {
    }
}
