package org.a4ptracker.partnership;

import static org.a4ptracker.partnership.PartnershipFixtures.create;
import static org.a4ptracker.partnership.PartnershipFixtures.createPartnership;
import static org.a4ptracker.partnership.PartnershipFixtures.violation;
import static org.a4ptracker.support.Api.PROBLEM_JSON;
import static org.a4ptracker.support.Api.as;
import static org.a4ptracker.support.Api.asIn;
import static org.a4ptracker.support.Api.invalid;
import static org.a4ptracker.support.Fixtures.createMission;
import static org.a4ptracker.support.Fixtures.etagOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ViolationResourceTest {

    private static String partnership() {
        return createPartnership(createMission("2014-04-10"));
    }

    private static Map<String, Object> resolved(String occurredOn, String resolvedOn) {
        var body = violation(occurredOn, "movement_restriction_land", "resolved");
        body.put("resolution_date", resolvedOn);
        body.put("resolution_note", "Convoy cleared after a meeting with the prefect.");
        return body;
    }

    @Test
    void recordsAViolationWithLocationAndETag() {
        String partnership = partnership();
        var body = resolved("2023-03-14", "2023-03-20");
        body.put("description", "Convoy held for five hours at a checkpoint.");
        String location =
                as("editor")
                        .body(body)
                        .post(partnership + "/violations")
                        .then()
                        .statusCode(201)
                        .header("Location", containsString(partnership + "/violations/"))
                        .header("ETag", equalTo("\"0\""))
                        .body("occurred_on", equalTo("2023-03-14"))
                        .body("type", equalTo("movement_restriction_land"))
                        .body("perpetrator", equalTo("government_forces"))
                        .body("raised_through", equalTo("note_verbale"))
                        .body("status", equalTo("resolved"))
                        .body("resolution_date", equalTo("2023-03-20"))
                        .extract()
                        .header("Location");
        as("reader")
                .get(location)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("location", equalTo("Checkpoint at PK12, Bangui"))
                .body(
                        "resolution_note",
                        equalTo("Convoy cleared after a meeting with the prefect."));
    }

    @Test
    void theResolutionDateFollowsTheStatusAndTheViolationDate() {
        String path = partnership() + "/violations";
        invalid("editor")
                .body(violation("2023-03-14", "denial_of_access", "resolved"))
                .post(path)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/resolution_date"))
                .body("errors[0].detail", equalTo("is required when status is resolved"));
        as("editor")
                .body(resolved("2023-03-14", "2023-03-13"))
                .post(path)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/resolution_date"))
                .body("errors[0].detail", equalTo("must not be before occurred_on"));
        var raised = violation("2023-03-14", "threat", "raised");
        raised.put("resolution_date", "2023-03-20");
        invalid("editor")
                .body(raised)
                .post(path)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].detail", equalTo("must be absent unless status is resolved"));
        as("editor")
                .body(
                        violation(
                                LocalDate.now(ZoneOffset.UTC).plusDays(2).toString(),
                                "threat",
                                "recorded"))
                .post(path)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/occurred_on"))
                .body("errors[0].detail", equalTo("must not be in the future"));
        as("editor").body(resolved("2023-03-14", "2023-03-14")).post(path).then().statusCode(201);
        as("reader").get(path).then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void rejectsUnknownTypesAndPerpetrators() {
        String path = partnership() + "/violations";
        invalid("editor")
                .body(violation("2023-03-14", "kidnapping", "recorded"))
                .post(path)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/type"));
        var body = violation("2023-03-14", "impoundment", "recorded");
        body.put("perpetrator", "militia");
        invalid("editor")
                .body(body)
                .post(path)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/perpetrator"));
        var noDate = violation("2023-03-14", "impoundment", "recorded");
        noDate.put("occurred_on", "14/03/2023");
        invalid("editor")
                .body(noDate)
                .post(path)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/occurred_on"));
    }

    @Test
    void listsNewestFirstAndFiltersByTypeStatusPerpetratorAndDates() {
        String partnership = partnership();
        create(
                partnership,
                "violations",
                violation("2023-01-10", "movement_restriction_air", "raised"));
        create(partnership, "violations", resolved("2023-02-05", "2023-02-07"));
        var nonState = violation("2023-04-20", "harassment_or_assault", "unresolved");
        nonState.put("perpetrator", "non_state_actor");
        create(partnership, "violations", nonState);
        create(
                partnership,
                "violations",
                violation("2023-06-01", "movement_restriction_air", "recorded"));
        String path = partnership + "/violations";
        as("reader")
                .get(path)
                .then()
                .statusCode(200)
                .body(
                        "items.occurred_on",
                        contains("2023-06-01", "2023-04-20", "2023-02-05", "2023-01-10"));
        as("reader")
                .queryParam("type", "movement_restriction_air")
                .get(path)
                .then()
                .statusCode(200)
                .body("items.occurred_on", contains("2023-06-01", "2023-01-10"));
        as("reader")
                .queryParam("status", "resolved")
                .get(path)
                .then()
                .statusCode(200)
                .body("items.occurred_on", contains("2023-02-05"));
        as("reader")
                .queryParam("perpetrator", "non_state_actor")
                .get(path)
                .then()
                .statusCode(200)
                .body("items.type", contains("harassment_or_assault"));
        as("reader")
                .queryParam("occurred_from", "2023-02-05")
                .queryParam("occurred_to", "2023-04-20")
                .get(path)
                .then()
                .statusCode(200)
                .body("items.occurred_on", contains("2023-04-20", "2023-02-05"));
        as("reader")
                .queryParam("occurred_from", "2023-05-01")
                .queryParam("occurred_to", "2023-04-01")
                .get(path)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.parameter", contains("occurred_to"))
                .body("errors[0].detail", equalTo("must not be before occurred_from"));
        var first = as("reader").queryParam("limit", 3).get(path);
        first.then().statusCode(200).body("items", hasSize(3)).body("next_cursor", notNullValue());
        as("reader")
                .queryParam("limit", 3)
                .queryParam("cursor", first.path("next_cursor").toString())
                .get(path)
                .then()
                .statusCode(200)
                .body("items.occurred_on", contains("2023-01-10"))
                .body("next_cursor", nullValue());
    }

    @Test
    void replacesAndDeletesWithIfMatch() {
        String partnership = partnership();
        var body = violation("2023-03-14", "visa_denial", "raised");
        String path = create(partnership, "violations", body);
        var fixed = resolved("2023-03-14", "2023-04-02");
        invalid("editor").body(fixed).put(path).then().statusCode(428).contentType(PROBLEM_JSON);
        as("editor")
                .header("If-Match", "\"2\"")
                .body(fixed)
                .put(path)
                .then()
                .statusCode(412)
                .contentType(PROBLEM_JSON)
                .header("ETag", equalTo("\"0\""));
        as("editor")
                .header("If-Match", "\"0\"")
                .body(resolved("2023-03-14", "2023-03-01"))
                .put(path)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/resolution_date"));
        String etag =
                as("editor")
                        .header("If-Match", "\"0\"")
                        .body(fixed)
                        .put(path)
                        .then()
                        .statusCode(200)
                        .header("ETag", equalTo("\"1\""))
                        .body("status", equalTo("resolved"))
                        .body("resolution_date", equalTo("2023-04-02"))
                        .extract()
                        .header("ETag");
        as("conduct_officer")
                .header("If-Match", etag)
                .delete(path)
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
        as("editor")
                .header("If-Match", "\"0\"")
                .delete(path)
                .then()
                .statusCode(412)
                .contentType(PROBLEM_JSON);
        as("editor").header("If-Match", etagOf(path)).delete(path).then().statusCode(204);
        as("reader").get(path).then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void rolesAndMissionScope() {
        String mission = createMission("2014-04-10");
        String partnership = createPartnership(mission);
        var body = violation("2023-03-14", "arrest_or_detention", "recorded");
        as("reader")
                .body(body)
                .post(partnership + "/violations")
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
        String path = create(partnership, "violations", body);
        asIn(List.of("MINUSCA"), "editor")
                .body(body)
                .post(partnership + "/violations")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
        asIn(List.of("MINUSCA"), "reader")
                .get(path)
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
        asIn(List.of("MINUSCA"), "admin")
                .header("If-Match", "\"0\"")
                .body(body)
                .put(path)
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
        asIn(List.of(mission), "conduct_officer").get(path).then().statusCode(200);
        asIn(List.of(mission), "reader")
                .get(partnership + "/violations")
                .then()
                .statusCode(200)
                .body("items", hasSize(1));
        asIn(List.of(), "reader")
                .get(partnership + "/violations")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void aCreationRetriedWithTheSameKeyIsReplayed() {
        String partnership = partnership();
        String path = partnership + "/violations";
        var body = violation("2023-03-14", "flight_clearance_denial", "raised");
        var first =
                as("editor")
                        .header("Idempotency-Key", "violation-" + partnership)
                        .body(body)
                        .post(path);
        first.then().statusCode(201);
        var second =
                as("editor")
                        .header("Idempotency-Key", "violation-" + partnership)
                        .body(body)
                        .post(path);
        second.then().statusCode(201).header("Location", equalTo(first.header("Location")));
        assertEquals(first.asString(), second.asString());
        as("reader").get(path).then().statusCode(200).body("items", hasSize(1));
        var other = new HashMap<>(body);
        other.put("status", "unresolved");
        as("editor")
                .header("Idempotency-Key", "violation-" + partnership)
                .body(other)
                .post(path)
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/idempotency-key-reused"));
        as("reader")
                .queryParam("status", "unresolved")
                .get(path)
                .then()
                .statusCode(200)
                .body("items", empty());
    }
}
