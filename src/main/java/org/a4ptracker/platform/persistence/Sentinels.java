package org.a4ptracker.platform.persistence;

import java.time.LocalDate;
import java.util.UUID;

/** Stand-in values that let one query serve "none" too; named once so that SQL and Java agree. */
public final class Sentinels {

    /** An id no record has: "except this record" when there is none to except. */
    public static final UUID NO_ID = new UUID(0, 0);

    /** The end of a period that has no end yet. */
    public static final LocalDate OPEN_END = StorableValues.LAST_DATE;

    private Sentinels() {}
}
