package org.a4ptracker.priority;

import java.util.Optional;
import java.util.UUID;

/**
 * Implemented (as a CDI bean) by every feature whose records refer to an indicator, so that
 * deleting an indicator can ask "who still needs it?" without the priority feature knowing their
 * tables.
 */
public interface IndicatorDependents {

    /**
     * How many of this feature's records still use the indicator, as a user reads it ("3 value(s)
     * recorded in assessments"); empty when none.
     */
    Optional<String> describe(UUID indicatorId);
}
