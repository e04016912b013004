package org.a4ptracker.platform.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.a4ptracker.api.model.ProblemError;
import org.a4ptracker.platform.http.ProblemException;

/**
 * What PostgreSQL can store as the API parses it. Java reads dates of any year and decimals of any
 * size; beyond these ranges the database would refuse the write (a 500) or, inside a JSON column,
 * accept text that later breaks every query that casts it, and extra decimals would be rounded
 * silently.
 */
public final class StorableValues {

    /** Dates the API accepts: the years 1 to 9999. */
    public static final LocalDate FIRST_DATE = LocalDate.of(1, 1, 1);

    public static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);
    public static final String DATE_RANGE = "must be a date between 0001-01-01 and 9999-12-31";

    /** Measures are stored as numeric(14,4). */
    private static final int PRECISION = 14;

    private static final int SCALE = 4;

    private StorableValues() {}

    public static boolean isStorable(LocalDate date) {
        return date == null || !date.isBefore(FIRST_DATE) && !date.isAfter(LAST_DATE);
    }

    /**
     * An ISO date (YYYY-MM-DD) in the storable range, or null: how every date the API reads is
     * read.
     */
    public static LocalDate parseDate(String text) {
        try {
            LocalDate date = LocalDate.parse(text);
            return isStorable(date) ? date : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Adds a 400 entry for {@code pointer} when {@code value} does not fit a numeric(14,4) column.
     */
    public static void checkMeasure(String pointer, BigDecimal value, List<ProblemError> errors) {
        if (value == null) {
            return;
        }
        BigDecimal plain = value.stripTrailingZeros();
        if (plain.scale() > SCALE || plain.precision() - plain.scale() > PRECISION - SCALE) {
            errors.add(
                    ProblemException.fieldError(
                            pointer,
                            "must have at most "
                                    + (PRECISION - SCALE)
                                    + " digits before the decimal point and "
                                    + SCALE
                                    + " after it"));
        }
    }
}
