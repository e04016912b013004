package org.a4ptracker.mission;

import java.util.List;
import org.a4ptracker.platform.security.CallerScope;

/**
 * What other features may know of a mission: the mission feature publishes it, they never read its
 * tables.
 */
public interface MissionLookup {

    /** A mission as other features see it. */
    record Mission(String acronym, String name, List<String> hostCountries) {}

    /** Whether the mission exists, whoever asks. */
    boolean exists(String acronym);

    /** The mission, or a 404 problem when it does not exist or lies outside the caller's scope. */
    Mission require(String acronym, CallerScope scope);
}
