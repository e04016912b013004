package org.a4ptracker.platform.persistence;

import java.time.LocalDate;
import java.time.ZoneOffset;

/** Calendar days as the service counts them: in UTC, like every instant it shows. */
public final class Dates {

    private Dates() {}

    /** The day that "overdue", "days open" and the like are judged against. */
    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** A date column read by a native query (the driver may give java.sql.Date or LocalDate). */
    public static LocalDate fromSql(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
