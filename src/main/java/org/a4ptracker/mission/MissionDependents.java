package org.a4ptracker.mission;

import java.util.Optional;

/**
 * Implemented (as a CDI bean) by every feature whose records belong to a mission, so that deleting
 * a mission can ask "who still needs it?" without the mission feature knowing their tables. The
 * refusal names them in their {@code @jakarta.annotation.Priority} order, highest first:
 * assessments (30), accountability cases (20), host-country partnerships (10).
 */
public interface MissionDependents {

    /**
     * How many of this feature's records still need the mission, as a user reads it ("3
     * accountability case(s)"); empty when none.
     */
    Optional<String> describe(String acronym);

    /** "N what", or empty for none: how every dependent phrases its count. */
    static Optional<String> counted(long count, String what) {
        return count == 0 ? Optional.empty() : Optional.of(count + " " + what);
    }
}
