package org.a4ptracker.mission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.a4ptracker.api.model.Trend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two figures progress derives: the trend between two scores and the way from baseline to
 * target.
 */
class ProgressRulesTest {

    @ParameterizedTest
    @CsvSource({
        "55, 50, IMPROVING",
        "54, 50, STABLE",
        "46, 50, STABLE",
        "45, 50, WORSENING",
        "50, 50, STABLE",
        "100, 0, IMPROVING",
        ", 50, UNKNOWN",
        "50, , UNKNOWN",
        ", , UNKNOWN"
    })
    void trendNeedsTwoScoresAndFivePoints(Integer latest, Integer previous, Trend trend) {
        assertEquals(trend, ProgressService.trend(latest, previous));
    }

    @ParameterizedTest
    @CsvSource({
        "50, 42, 100, 13.8",
        "42, 42, 100, 0.0",
        "100, 42, 100, 100.0",
        "30, 42, 100, -20.7",
        "120, 0, 100, 120.0",
        // lower is better: the target lies below the baseline
        "20, 27, 0, 25.9",
        "10, 40, 10, 100.0",
        // exact halves round away from zero, as PostgreSQL's round(numeric) does
        "1, 0, 8, 12.5",
        "1, 0, 16, 6.3",
        "-1, 0, 16, -6.3",
        "9999999999.9999, -0.0001, 9999999999.9999, 100.0"
    })
    void progressIsThePercentOfTheWayFromBaselineToTarget(
            BigDecimal value, BigDecimal baseline, BigDecimal target, BigDecimal percent) {
        assertEquals(percent, ProgressService.progressPercent(value, baseline, target));
    }

    @ParameterizedTest
    @CsvSource({"50, 42, 42", "42.0000, 42, 42.0"})
    void noProgressFigureWhenBaselineAndTargetAreEqual(
            BigDecimal value, BigDecimal baseline, BigDecimal target) {
        assertNull(ProgressService.progressPercent(value, baseline, target));
    }
}
