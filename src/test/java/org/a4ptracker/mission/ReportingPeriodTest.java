package org.a4ptracker.mission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reporting quarters: text, bounds, and the quarter a day falls in. */
class ReportingPeriodTest {

    @ParameterizedTest
    @CsvSource({
        "2021-Q1, 2021-01-01, 2021-03-31",
        "2021-Q2, 2021-04-01, 2021-06-30",
        "2021-Q3, 2021-07-01, 2021-09-30",
        "2021-Q4, 2021-10-01, 2021-12-31",
        "2024-Q1, 2024-01-01, 2024-03-31",
        "9999-Q4, 9999-10-01, 9999-12-31"
    })
    void parsesEachQuarterToItsFirstAndLastDay(String text, LocalDate start, LocalDate end) {
        ReportingPeriod period = ReportingPeriod.parse(text);
        assertEquals(start, period.start());
        assertEquals(end, period.end());
        assertEquals(text, period.toString());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2021-Q0",
                "2021-Q5",
                "2021-q1",
                "21-Q1",
                "2021Q1",
                "2021-Q1 ",
                " 2021-Q1",
                "",
                "2021-03"
            })
    void refusesWhatIsNotAQuarter(String text) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ReportingPeriod.parse(text));
        assertEquals("Not a reporting period: " + text, e.getMessage());
    }

    @Test
    void readsBackTheQuarterAStoredStartBegins() {
        assertEquals("2022-Q3", ReportingPeriod.startingOn(LocalDate.of(2022, 7, 1)).toString());
        assertEquals(
                LocalDate.of(2022, 9, 30),
                ReportingPeriod.startingOn(LocalDate.of(2022, 7, 1)).end());
    }

    @ParameterizedTest
    @CsvSource({
        "2023-01-01, 2023-Q1",
        "2023-03-31, 2023-Q1",
        "2023-04-01, 2023-Q2",
        "2023-08-15, 2023-Q3",
        "2023-09-30, 2023-Q3",
        "2023-10-01, 2023-Q4",
        "2023-12-31, 2023-Q4",
        "2024-02-29, 2024-Q1"
    })
    void findsTheQuarterADayFallsIn(LocalDate day, String quarter) {
        ReportingPeriod period = ReportingPeriod.containing(day);
        assertEquals(quarter, period.toString());
        assertEquals(ReportingPeriod.parse(quarter), period);
        assertFalse(day.isBefore(period.start()));
        assertFalse(day.isAfter(period.end()));
    }

    @Test
    void quartersFollowEachOtherWithoutGapOrOverlap() {
        ReportingPeriod period = ReportingPeriod.parse("2019-Q1");
        for (int i = 0; i < 12; i++) {
            ReportingPeriod next = ReportingPeriod.containing(period.end().plusDays(1));
            assertEquals(period.end().plusDays(1), next.start());
            period = next;
        }
        assertEquals("2022-Q1", period.toString());
    }

    @Test
    void equalQuartersAreEqual() {
        assertEquals(
                ReportingPeriod.parse("2020-Q2"),
                ReportingPeriod.startingOn(LocalDate.of(2020, 4, 1)));
        assertEquals(
                ReportingPeriod.parse("2020-Q2").hashCode(),
                ReportingPeriod.containing(LocalDate.of(2020, 5, 9)).hashCode());
    }
}
