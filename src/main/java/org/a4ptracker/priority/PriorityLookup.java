package org.a4ptracker.priority;

/** What other features may know of the A4P+ priorities: the priority feature publishes it, they never read its tables. */
public interface PriorityLookup {

    /** Whether a priority with this code exists. */
    boolean exists(String code);
}
