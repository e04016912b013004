package org.a4ptracker.mission;

import static org.a4ptracker.support.Api.PROBLEM_JSON;
import static org.a4ptracker.support.Api.as;
import static org.a4ptracker.support.Api.asIn;
import static org.a4ptracker.support.Api.invalid;
import static org.a4ptracker.support.Fixtures.assessment;
import static org.a4ptracker.support.Fixtures.createAssessment;
import static org.a4ptracker.support.Fixtures.createMission;
import static org.a4ptracker.support.Fixtures.etagOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AssessmentResourceTest {

    private static String indicatorId(String priority, String code) {
        List<String> ids =
                as("reader")
                        .get("/priorities/" + priority + "/indicators")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("items.findAll { it.code == '" + code + "' }.id");
        return ids.get(0);
    }

    @Test
    void recordsAnAssessmentWithIndicatorValues() {
        String acronym = createMission("2019-05-01");
        var body = new HashMap<>(assessment("P5", "2021-Q3", "at_risk", 48));
        body.put("narrative", "Backlog of SEA investigations.");
        body.put(
                "indicator_values",
                List.of(
                        Map.of(
                                "indicator_id",
                                indicatorId("P5", "P5-01"),
                                "value",
                                61.5,
                                "note",
                                "27 of 44 closed within 90 days")));
        String location =
                as("editor")
                        .body(body)
                        .post("/missions/" + acronym + "/assessments")
                        .then()
                        .statusCode(201)
                        .header("ETag", equalTo("\"0\""))
                        .body("mission_acronym", equalTo(acronym))
                        .body("period", equalTo("2021-Q3"))
                        .body("rating", equalTo("at_risk"))
                        .body("score", equalTo(48))
                        .body("indicator_values[0].indicator_code", equalTo("P5-01"))
                        .body("indicator_values[0].value", equalTo(61.5f))
                        .extract()
                        .header("Location");
        as("reader")
                .get(location)
                .then()
                .statusCode(200)
                .body("narrative", equalTo("Backlog of SEA investigations."))
                .body("indicator_values[0].note", equalTo("27 of 44 closed within 90 days"));
    }

    @Test
    void refusesASecondAssessmentForTheSamePriorityAndPeriod() {
        String acronym = createMission("2019-05-01");
        createAssessment(acronym, assessment("P2", "2022-Q1", "on_track", 80));
        as("editor")
                .body(assessment("P2", "2022-Q1", "off_track", 20))
                .post("/missions/" + acronym + "/assessments")
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("already has an assessment of P2 for 2022-Q1"));
    }

    @Test
    void thePeriodMustFallWithinTheMissionsLife() {
        as("editor")
                .body(assessment("P1", "2024-Q1", "on_track", 70))
                .post("/missions/MINUSMA/assessments")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/period"))
                .body("errors[0].detail", containsString("outside the life of mission MINUSMA"));
        String acronym = createMission("2021-05-20");
        as("editor")
                .body(assessment("P1", "2021-Q1", "on_track", 70))
                .post("/missions/" + acronym + "/assessments")
                .then()
                .statusCode(400)
                .body("errors.pointer", contains("/period"));
        createAssessment(acronym, assessment("P1", "2021-Q2", "on_track", 70));
        invalid("editor")
                .body(assessment("P1", "2021-Q5", "on_track", 70))
                .post("/missions/" + acronym + "/assessments")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/period"));
    }

    @Test
    void scoresAreBetweenZeroAndHundredAndAbsentWhenNotAssessed() {
        String acronym = createMission("2019-05-01");
        String path = "/missions/" + acronym + "/assessments";
        invalid("editor")
                .body(assessment("P3", "2022-Q1", "on_track", 101))
                .post(path)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/score"));
        invalid("editor")
                .body(assessment("P3", "2022-Q1", "on_track", -1))
                .post(path)
                .then()
                .statusCode(400)
                .body("errors.pointer", contains("/score"));
        invalid("editor")
                .body(assessment("P3", "2022-Q1", "on_track", null))
                .post(path)
                .then()
                .statusCode(400)
                .body("errors[0].detail", equalTo("is required unless the rating is not_assessed"));
        invalid("editor")
                .body(assessment("P3", "2022-Q1", "not_assessed", 10))
                .post(path)
                .then()
                .statusCode(400)
                .body(
                        "errors[0].detail",
                        equalTo("must be absent when the rating is not_assessed"));
        as("editor")
                .body(assessment("P3", "2022-Q1", "not_assessed", null))
                .post(path)
                .then()
                .statusCode(201)
                .body("score", nullValue());
    }

    @Test
    void indicatorValuesMustBelongToThePriority() {
        String acronym = createMission("2019-05-01");
        var body = new HashMap<>(assessment("P5", "2022-Q2", "on_track", 75));
        body.put(
                "indicator_values",
                List.of(
                        Map.of("indicator_id", indicatorId("P5", "P5-02"), "value", 90),
                        Map.of("indicator_id", indicatorId("P4", "P4-01"), "value", 3),
                        Map.of("indicator_id", indicatorId("P5", "P5-02"), "value", 91)));
        as("editor")
                .body(body)
                .post("/missions/" + acronym + "/assessments")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body(
                        "errors.pointer",
                        contains(
                                "/indicator_values/1/indicator_id",
                                "/indicator_values/2/indicator_id"));
        as("reader")
                .get("/missions/" + acronym + "/assessments")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void listsNewestFirstWithFiltersAndPages() {
        String acronym = createMission("2019-05-01");
        createAssessment(acronym, assessment("P1", "2020-Q1", "on_track", 70));
        createAssessment(acronym, assessment("P2", "2020-Q1", "at_risk", 50));
        createAssessment(acronym, assessment("P1", "2020-Q3", "off_track", 30));
        createAssessment(acronym, assessment("P1", "2021-Q2", "at_risk", 45));
        String path = "/missions/" + acronym + "/assessments";
        as("reader")
                .get(path)
                .then()
                .statusCode(200)
                .body("items.period", contains("2021-Q2", "2020-Q3", "2020-Q1", "2020-Q1"))
                .body("items.priority_code", contains("P1", "P1", "P1", "P2"));
        as("reader")
                .queryParam("priority", "P1")
                .queryParam("period_from", "2020-Q2")
                .queryParam("period_to", "2021-Q2")
                .get(path)
                .then()
                .statusCode(200)
                .body("items.period", contains("2021-Q2", "2020-Q3"));
        as("reader")
                .queryParam("rating", "at_risk")
                .get(path)
                .then()
                .statusCode(200)
                .body("items.priority_code", contains("P1", "P2"));
        var first = as("reader").queryParam("limit", 3).get(path);
        first.then().statusCode(200).body("items", hasSize(3)).body("next_cursor", notNullValue());
        as("reader")
                .queryParam("limit", 3)
                .queryParam("cursor", first.path("next_cursor").toString())
                .get(path)
                .then()
                .statusCode(200)
                .body("items.priority_code", contains("P2"))
                .body("next_cursor", nullValue());
    }

    @Test
    void replacesAndDeletesWithIfMatch() {
        String acronym = createMission("2019-05-01");
        String id = createAssessment(acronym, assessment("P6", "2022-Q4", "at_risk", 40));
        String path = "/missions/" + acronym + "/assessments/" + id;
        invalid("editor")
                .body(assessment("P6", "2022-Q4", "on_track", 65))
                .put(path)
                .then()
                .statusCode(428)
                .contentType(PROBLEM_JSON);
        as("editor")
                .header("If-Match", "\"5\"")
                .body(assessment("P6", "2022-Q4", "on_track", 65))
                .put(path)
                .then()
                .statusCode(412)
                .contentType(PROBLEM_JSON);
        String etag =
                as("editor")
                        .header("If-Match", etagOf(path))
                        .body(assessment("P6", "2022-Q4", "on_track", 65))
                        .put(path)
                        .then()
                        .statusCode(200)
                        .body("rating", equalTo("on_track"))
                        .body("score", equalTo(65))
                        .extract()
                        .header("ETag");
        as("reader")
                .header("If-Match", etag)
                .delete(path)
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
        as("editor").header("If-Match", etag).delete(path).then().statusCode(204);
        as("reader").get(path).then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void readersCannotRecordAssessmentsAndScopeHidesOtherMissions() {
        String acronym = createMission("2019-05-01");
        String id = createAssessment(acronym, assessment("P7", "2022-Q4", "at_risk", 40));
        as("reader")
                .body(assessment("P7", "2023-Q1", "at_risk", 40))
                .post("/missions/" + acronym + "/assessments")
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
        asIn(List.of("MINUSCA"), "editor")
                .get("/missions/" + acronym + "/assessments/" + id)
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
        asIn(List.of("MINUSCA"), "editor")
                .body(assessment("P7", "2023-Q1", "at_risk", 40))
                .post("/missions/" + acronym + "/assessments")
                .then()
                .statusCode(404);
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOneAssessment() throws Exception {
        String acronym = createMission("2019-05-01");
        String path = "/missions/" + acronym + "/assessments";
        Callable<String> post =
                () ->
                        as("editor")
                                .header("Idempotency-Key", "assess-" + acronym)
                                .body(assessment("X-WPS", "2023-Q2", "on_track", 77))
                                .post(path)
                                .then()
                                .statusCode(201)
                                .extract()
                                .asString();
        var pool = Executors.newFixedThreadPool(6);
        try {
            var answers = pool.invokeAll(List.of(post, post, post, post, post, post));
            String first = answers.get(0).get();
            for (var answer : answers) {
                assertEquals(first, answer.get());
            }
        } finally {
            pool.shutdown();
        }
        as("reader").get(path).then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void anIndicatorWithRecordedValuesCannotBeDeleted() {
        String code = "T" + org.a4ptracker.support.Fixtures.newAcronym();
        String indicator =
                as("editor")
                        .body(
                                Map.of(
                                        "code",
                                        code.substring(0, 10),
                                        "name",
                                        Map.of("en", "Test", "fr", "Essai"),
                                        "unit",
                                        "count",
                                        "baseline",
                                        0,
                                        "target",
                                        10,
                                        "direction",
                                        "higher_is_better"))
                        .post("/priorities/P6/indicators")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        String acronym = createMission("2019-05-01");
        var body = new HashMap<>(assessment("P6", "2020-Q1", "on_track", 70));
        body.put("indicator_values", List.of(Map.of("indicator_id", indicator, "value", 4)));
        createAssessment(acronym, body);
        String path = "/priorities/P6/indicators/" + indicator;
        as("editor")
                .header("If-Match", etagOf(path))
                .delete(path)
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("1 value(s) recorded in assessments"));
        as("reader").get(path).then().statusCode(200);
    }

    @Test
    void indicatorValuesMustFitTheStoredPrecision() {
        String acronym = createMission("2019-05-01");
        var body = new HashMap<>(assessment("P5", "2022-Q3", "on_track", 75));
        body.put(
                "indicator_values",
                List.of(Map.of("indicator_id", indicatorId("P5", "P5-02"), "value", 1e20)));
        invalid("editor")
                .body(body)
                .post("/missions/" + acronym + "/assessments")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/indicator_values/0/value"));
    }
}
