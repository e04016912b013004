package org.a4ptracker.mission;

import static org.a4ptracker.support.Api.PROBLEM_JSON;
import static org.a4ptracker.support.Api.as;
import static org.a4ptracker.support.Api.asIn;
import static org.a4ptracker.support.Api.invalid;
import static org.a4ptracker.support.Fixtures.assessment;
import static org.a4ptracker.support.Fixtures.createAssessment;
import static org.a4ptracker.support.Fixtures.createMission;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Roll-ups over a known history with gaps, seen through tokens scoped to this test's missions. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgressResourceTest {

    private String alpha;
    private String beta;
    private String gamma;
    private String late;

    /**
     * Once per class; in @BeforeEach because the HTTP port is only known to REST Assured by then.
     */
    @BeforeEach
    void seedHistory() {
        if (alpha != null) {
            return;
        }
        alpha = createMission("2020-01-01");
        beta = createMission("2020-01-01");
        gamma = createMission("2020-01-01");
        late = createMission("2023-02-01");
        String sea =
                as("reader")
                        .get("/priorities/P5/indicators")
                        .then()
                        .extract()
                        .path("items.find { it.code == 'P5-01' }.id");
        // alpha, P5: 2021-Q1 40, gap, 2021-Q4 55, 2022-Q2 52 -> stable (-3)
        createAssessment(alpha, withValue(assessment("P5", "2021-Q1", "off_track", 40), sea, 30));
        createAssessment(alpha, withValue(assessment("P5", "2021-Q4", "at_risk", 55), sea, 50));
        createAssessment(alpha, assessment("P5", "2022-Q2", "at_risk", 52));
        // alpha, P1: 2020-Q2 70, gap of seven quarters, 2022-Q1 50 -> worsening
        createAssessment(alpha, assessment("P1", "2020-Q2", "on_track", 70));
        createAssessment(alpha, assessment("P1", "2022-Q1", "at_risk", 50));
        // alpha, P3: one assessment -> unknown
        createAssessment(alpha, assessment("P3", "2021-Q2", "on_track", 90));
        // beta, P5: 2021-Q2 45, 2022-Q2 80 -> improving; gamma: P5 not assessed in 2021-Q4
        createAssessment(beta, assessment("P5", "2021-Q2", "at_risk", 45));
        createAssessment(beta, assessment("P5", "2022-Q2", "on_track", 80));
        createAssessment(gamma, assessment("P5", "2021-Q4", "not_assessed", null));
    }

    private static Map<String, Object> withValue(
            Map<String, Object> body, String indicatorId, double value) {
        var copy = new HashMap<>(body);
        copy.put("indicator_values", List.of(Map.of("indicator_id", indicatorId, "value", value)));
        return copy;
    }

    private List<String> mine() {
        return List.of(alpha, beta, gamma, late);
    }

    @Test
    void missionProgressGivesLatestPreviousAndTrendPerPriority() {
        as("reader")
                .get("/missions/" + alpha + "/progress")
                .then()
                .statusCode(200)
                .body("mission_acronym", equalTo(alpha))
                .body(
                        "priorities.priority_code",
                        contains("P1", "P2", "P3", "P4", "P5", "P6", "P7", "X-WPS", "X-DATA"))
                .body("priorities[4].latest.period", equalTo("2022-Q2"))
                .body("priorities[4].latest.score", equalTo(52))
                .body("priorities[4].previous.period", equalTo("2021-Q4"))
                .body("priorities[4].previous.rating", equalTo("at_risk"))
                .body("priorities[4].trend", equalTo("stable"))
                .body("priorities[0].latest.period", equalTo("2022-Q1"))
                .body("priorities[0].previous.period", equalTo("2020-Q2"))
                .body("priorities[0].trend", equalTo("worsening"))
                .body("priorities[2].trend", equalTo("unknown"))
                .body("priorities[2].previous", nullValue())
                .body("priorities[1].latest", nullValue())
                .body("priorities[1].trend", equalTo("unknown"));
        as("reader")
                .get("/missions/" + beta + "/progress")
                .then()
                .statusCode(200)
                .body("priorities[4].trend", equalTo("improving"));
    }

    @Test
    void missionProgressComparesTheLatestIndicatorValueWithBaselineAndTarget() {
        // P5-01: baseline 42, target 100; latest value 50 (2021-Q4) -> (50-42)/(100-42) = 13.8 %
        as("reader")
                .get("/missions/" + alpha + "/progress")
                .then()
                .statusCode(200)
                .body("priorities[4].indicators", hasSize(1))
                .body("priorities[4].indicators[0].code", equalTo("P5-01"))
                .body("priorities[4].indicators[0].latest_value", equalTo(50.0f))
                .body("priorities[4].indicators[0].latest_period", equalTo("2021-Q4"))
                .body("priorities[4].indicators[0].baseline", equalTo(42.0f))
                .body("priorities[4].indicators[0].target", equalTo(100.0f))
                .body("priorities[4].indicators[0].progress_percent", equalTo(13.8f))
                .body("priorities[0].indicators", hasSize(0));
    }

    @Test
    void priorityProgressDefaultsToTheLatestPeriodAndCarriesOlderRatingsForward() {
        asIn(mine(), "reader")
                .get("/priorities/P5/progress")
                .then()
                .statusCode(200)
                .body("period", equalTo("2022-Q2"))
                .body("missions.mission_acronym", contains(sorted(alpha, beta, gamma)))
                .body("counts.at_risk", equalTo(1))
                .body("counts.on_track", equalTo(1))
                .body("counts.not_assessed", equalTo(1))
                .body("counts.off_track", equalTo(0))
                .body("counts.no_assessment", equalTo(0))
                .body(
                        "missions.find { it.mission_acronym == '" + gamma + "' }.period",
                        equalTo("2021-Q4"));
    }

    @Test
    void priorityProgressForAChosenPeriod() {
        asIn(mine(), "reader")
                .queryParam("period", "2021-Q3")
                .get("/priorities/P5/progress")
                .then()
                .statusCode(200)
                .body("period", equalTo("2021-Q3"))
                .body("missions", hasSize(3))
                .body("counts.off_track", equalTo(1))
                .body("counts.at_risk", equalTo(1))
                .body("counts.no_assessment", equalTo(1))
                .body(
                        "missions.find { it.mission_acronym == '" + gamma + "' }.rating",
                        nullValue());
        asIn(mine(), "reader")
                .queryParam("period", "2023-Q2")
                .get("/priorities/P5/progress")
                .then()
                .statusCode(200)
                .body("missions", hasSize(4))
                .body("counts.no_assessment", equalTo(1))
                .body("missions.find { it.mission_acronym == '" + late + "' }.rating", nullValue());
    }

    @Test
    void priorityProgressOnlyCountsVisibleMissions() {
        asIn(List.of(beta), "reader")
                .get("/priorities/P5/progress")
                .then()
                .statusCode(200)
                .body("missions.mission_acronym", contains(beta))
                .body("counts.on_track", equalTo(1))
                .body("counts.at_risk", equalTo(0));
        asIn(List.of(beta), "reader")
                .get("/missions/" + alpha + "/progress")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void rejectsAMalformedPeriod() {
        invalid("reader")
                .queryParam("period", "2022-Q9")
                .get("/priorities/P5/progress")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.parameter", contains("period"));
    }

    private static String[] sorted(String... acronyms) {
        return java.util.Arrays.stream(acronyms).sorted().toArray(String[]::new);
    }
}
