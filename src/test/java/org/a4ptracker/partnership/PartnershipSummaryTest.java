package org.a4ptracker.partnership;

import static org.a4ptracker.partnership.PartnershipFixtures.commitment;
import static org.a4ptracker.partnership.PartnershipFixtures.create;
import static org.a4ptracker.partnership.PartnershipFixtures.createPartnership;
import static org.a4ptracker.partnership.PartnershipFixtures.partnership;
import static org.a4ptracker.partnership.PartnershipFixtures.violation;
import static org.a4ptracker.support.Api.as;
import static org.a4ptracker.support.Fixtures.createMission;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.a4ptracker.support.Cases;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PartnershipSummaryTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static String daysAgo(int days) {
        return TODAY.minusDays(days).toString();
    }

    private static Map<String, Object> benchmark(String indicator, String status) {
        return Map.of("indicator", indicator, "target", "100%", "status", status);
    }

    @Test
    void anEmptyPartnershipSummarisesToZeros() {
        String mission = createMission("2014-04-10");
        String path = createPartnership(mission);
        as("reader")
                .get(path + "/summary")
                .then()
                .statusCode(200)
                .body("mission_acronym", equalTo(mission))
                .body("country_code", equalTo("CAF"))
                .body("as_of", equalTo(TODAY.toString()))
                .body("open_violations.total", equalTo(0))
                .body("open_violations.by_type", empty())
                .body("violation_trend.last_6_months", equalTo(0))
                .body("violation_trend.previous_6_months", equalTo(0))
                .body("violation_trend.direction", equalTo("stable"))
                .body("overdue_commitments.count", equalTo(0))
                .body("overdue_commitments.items", empty())
                .body("benchmarks.not_started", equalTo(0))
                .body("benchmarks.on_track", equalTo(0))
                .body("judicial_pipeline.cases", equalTo(0))
                .body("judicial_pipeline.peacekeepers_killed", equalTo(0))
                .body("judicial_pipeline.suspects_identified", equalTo(0))
                .body("judicial_pipeline.convicted", equalTo(0));
    }

    @Test
    void summarisesASeededPartnership() {
        String mission = createMission("2014-04-10");
        var body = new HashMap<>(partnership(mission, "CAF"));
        body.put(
                "transition_plan",
                Map.of(
                        "phase",
                        "drawdown",
                        "benchmarks",
                        List.of(
                                benchmark(
                                        "Prefectures with redeployed state administration",
                                        "on_track"),
                                benchmark(
                                        "National police deployed outside the capital", "on_track"),
                                benchmark("Functioning criminal courts", "at_risk"),
                                benchmark("Electoral calendar agreed", "achieved"))));
        String path = createPartnership(body);

        // Violations: four open in the last 12 months (two of one type), and others that must not
        // count as open.
        create(path, "violations", violation(daysAgo(20), "movement_restriction_land", "recorded"));
        create(path, "violations", violation(daysAgo(45), "movement_restriction_land", "raised"));
        create(path, "violations", violation(daysAgo(90), "denial_of_access", "unresolved"));
        var resolved = violation(daysAgo(60), "visa_denial", "resolved");
        resolved.put("resolution_date", daysAgo(50));
        create(path, "violations", resolved);
        create(path, "violations", violation(daysAgo(250), "threat", "raised"));
        create(path, "violations", violation(daysAgo(430), "impoundment", "raised"));

        // Commitments: two overdue (open and past due), others not.
        String older =
                create(
                        path,
                        "commitments",
                        commitment("Vetting of redeployed police", "in_progress", daysAgo(100)));
        String newer =
                create(
                        path,
                        "commitments",
                        commitment("Joint patrols on the supply route", "planned", daysAgo(10)));
        create(path, "commitments", commitment("Met on time", "met", daysAgo(50)));
        create(path, "commitments", commitment("Dropped", "dropped", daysAgo(40)));
        create(
                path,
                "commitments",
                commitment("Not yet due", "planned", TODAY.plusDays(15).toString()));
        create(path, "commitments", commitment("No due date", "planned", null));

        // Crimes against peacekeepers in this mission, as the accountability API will record them.
        recordCrime(mission, 2, 3, Cases.pipeline(5, 3, 2, 1, 1, 0));
        recordCrime(mission, 1, 0, Cases.pipeline(2, 1, 1, 1, 0, 1));
        Cases.create(Cases.sea(mission, TODAY.minusMonths(2).toString()));

        as("reader")
                .get(path + "/summary")
                .then()
                .statusCode(200)
                .body("open_violations.total", equalTo(4))
                .body(
                        "open_violations.by_type.type",
                        contains("movement_restriction_land", "denial_of_access", "threat"))
                .body("open_violations.by_type.count", contains(2, 1, 1))
                .body("violation_trend.last_6_months", equalTo(4))
                .body("violation_trend.previous_6_months", equalTo(1))
                .body("violation_trend.direction", equalTo("increasing"))
                .body("overdue_commitments.count", equalTo(2))
                .body("overdue_commitments.items.id", contains(idOf(older), idOf(newer)))
                .body("overdue_commitments.items.due_date", contains(daysAgo(100), daysAgo(10)))
                .body(
                        "overdue_commitments.items[0].description",
                        equalTo("Vetting of redeployed police"))
                .body("benchmarks.not_started", equalTo(0))
                .body("benchmarks.on_track", equalTo(2))
                .body("benchmarks.at_risk", equalTo(1))
                .body("benchmarks.achieved", equalTo(1))
                .body("judicial_pipeline.cases", equalTo(2))
                .body("judicial_pipeline.peacekeepers_killed", equalTo(3))
                .body("judicial_pipeline.peacekeepers_injured", equalTo(3))
                .body("judicial_pipeline.suspects_identified", equalTo(7))
                .body("judicial_pipeline.arrested", equalTo(4))
                .body("judicial_pipeline.charged", equalTo(3))
                .body("judicial_pipeline.tried", equalTo(2))
                .body("judicial_pipeline.convicted", equalTo(1))
                .body("judicial_pipeline.acquitted", equalTo(1));
    }

    @Test
    void aFallingNumberOfViolationsIsDecreasing() {
        String path = createPartnership(createMission("2014-04-10"));
        create(path, "violations", violation(daysAgo(200), "arrest_or_detention", "raised"));
        create(path, "violations", violation(daysAgo(210), "harassment_or_assault", "raised"));
        create(path, "violations", violation(daysAgo(30), "threat", "recorded"));
        as("reader")
                .get(path + "/summary")
                .then()
                .statusCode(200)
                .body("violation_trend.last_6_months", equalTo(1))
                .body("violation_trend.previous_6_months", equalTo(2))
                .body("violation_trend.direction", equalTo("decreasing"))
                .body("open_violations.total", equalTo(3));
    }

    private static String idOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * Adds an accountability case row directly: the accountability API is not on this branch yet.
     * Values: killed, injured, identified, arrested, charged, tried, convicted, acquitted.
     */
    @SuppressWarnings("unchecked")
    private static void recordCrime(
            String mission, int killed, int injured, Map<String, Object> pipeline) {
        var body = Cases.crime(mission, TODAY.minusMonths(2).toString(), pipeline);
        var crime = new HashMap<>((Map<String, Object>) body.get("crime"));
        crime.put("peacekeepers_killed", killed);
        crime.put("peacekeepers_injured", injured);
        body.put("crime", crime);
        Cases.create(body);
    }
}
