package org.a4ptracker.mission;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A reporting quarter such as {@code 2021-Q3}, stored as the date it starts. */
public record ReportingPeriod(LocalDate start) {

    private static final Pattern FORMAT = Pattern.compile("^([0-9]{4})-Q([1-4])$");

    /** Parses a value the contract has already checked against its pattern. */
    public static ReportingPeriod parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a reporting period: " + text);
        }
        return new ReportingPeriod(
                LocalDate.of(
                        Integer.parseInt(m.group(1)),
                        (Integer.parseInt(m.group(2)) - 1) * 3 + 1,
                        1));
    }

    public static ReportingPeriod startingOn(LocalDate start) {
        return new ReportingPeriod(start);
    }

    /** The quarter that {@code day} falls in. */
    public static ReportingPeriod containing(LocalDate day) {
        return new ReportingPeriod(
                LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1));
    }

    /**
     * The last day of the quarter: the one place that knows a reporting period is three months
     * long.
     */
    public LocalDate end() {
        return start.plusMonths(3).minusDays(1);
    }

    @Override
    public String toString() {
        return start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
    }
}
