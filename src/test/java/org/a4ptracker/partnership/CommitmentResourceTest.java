package org.a4ptracker.partnership;

import static org.a4ptracker.partnership.PartnershipFixtures.commitment;
import static org.a4ptracker.partnership.PartnershipFixtures.create;
import static org.a4ptracker.partnership.PartnershipFixtures.createPartnership;
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
class CommitmentResourceTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static String partnership() {
        return createPartnership(createMission("2014-04-10"));
    }

    /**
     * Moves a commitment to {@code status} with a PUT of its body; returns the response's status
     * code.
     */
    private static io.restassured.response.ValidatableResponse move(
            String path, Map<String, Object> body, String status) {
        var next = new HashMap<>(body);
        next.put("status", status);
        return as("editor").header("If-Match", etagOf(path)).body(next).put(path).then();
    }

    @Test
    void recordsACommitmentWithLocationETagAndDefaults() {
        String partnership = partnership();
        var body =
                commitment(
                        "Joint patrols on the Bangui–Bouar supply route",
                        null,
                        TODAY.plusMonths(3).toString());
        String location =
                as("editor")
                        .body(body)
                        .post(partnership + "/commitments")
                        .then()
                        .statusCode(201)
                        .header("Location", containsString(partnership + "/commitments/"))
                        .header("ETag", equalTo("\"0\""))
                        .body(
                                "partnership_id",
                                equalTo(partnership.substring(partnership.lastIndexOf('/') + 1)))
                        .body("status", equalTo("planned"))
                        .body("area", equalTo("safety_and_security"))
                        .body("priority_code", equalTo("P4"))
                        .body("owner", equalTo("joint"))
                        .body("overdue", equalTo(false))
                        .extract()
                        .header("Location");
        as("conduct_officer")
                .get(location)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("description", equalTo("Joint patrols on the Bangui–Bouar supply route"));
    }

    @Test
    void statusMovesOnlyAlongLegalPaths() {
        String partnership = partnership();
        var body =
                commitment(
                        "Host government to grant flight clearances within 48 hours", null, null);
        String path = create(partnership, "commitments", body);
        move(path, body, "met")
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/invalid-transition"))
                .body("allowed", contains("in_progress", "dropped"))
                .body("detail", containsString("is planned"));
        move(path, body, "missed")
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("allowed", contains("in_progress", "dropped"));
        move(path, body, "planned").statusCode(200).body("status", equalTo("planned"));
        move(path, body, "in_progress").statusCode(200).body("status", equalTo("in_progress"));
        move(path, body, "planned")
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("allowed", contains("met", "missed", "dropped"));
        move(path, body, "met").statusCode(200).body("status", equalTo("met"));
        move(path, body, "in_progress")
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/invalid-transition"))
                .body("allowed", empty())
                .body("detail", containsString("final"));
        move(path, body, "dropped").statusCode(409).contentType(PROBLEM_JSON);
        as("reader").get(path).then().statusCode(200).body("status", equalTo("met"));

        String dropped = create(partnership, "commitments", body);
        move(dropped, body, "dropped").statusCode(200).body("status", equalTo("dropped"));
        move(dropped, body, "planned").statusCode(409).body("allowed", empty());
        String missed =
                create(
                        partnership,
                        "commitments",
                        commitment("Vetting of redeployed police", "in_progress", null));
        move(missed, commitment("Vetting of redeployed police", null, null), "missed")
                .statusCode(200)
                .body("status", equalTo("missed"));
    }

    @Test
    void overdueIsDerivedFromTheDueDateAndTheStatus() {
        String partnership = partnership();
        String past = TODAY.minusDays(10).toString();
        String late =
                create(partnership, "commitments", commitment("Late and open", "planned", past));
        String lateMet =
                create(partnership, "commitments", commitment("Late but met", "met", past));
        String future =
                create(
                        partnership,
                        "commitments",
                        commitment("Not due yet", "in_progress", TODAY.plusDays(30).toString()));
        String dueToday =
                create(
                        partnership,
                        "commitments",
                        commitment("Due today", "planned", TODAY.toString()));
        String undated =
                create(partnership, "commitments", commitment("No due date", "planned", null));
        as("reader").get(late).then().statusCode(200).body("overdue", equalTo(true));
        as("reader").get(lateMet).then().statusCode(200).body("overdue", equalTo(false));
        as("reader").get(future).then().statusCode(200).body("overdue", equalTo(false));
        as("reader").get(dueToday).then().statusCode(200).body("overdue", equalTo(false));
        as("reader")
                .get(undated)
                .then()
                .statusCode(200)
                .body("overdue", equalTo(false))
                .body("due_date", nullValue());
        as("reader")
                .queryParam("overdue", true)
                .get(partnership + "/commitments")
                .then()
                .statusCode(200)
                .body("items.description", contains("Late and open"));
        as("reader")
                .queryParam("overdue", false)
                .get(partnership + "/commitments")
                .then()
                .statusCode(200)
                .body(
                        "items.description",
                        contains("Late but met", "Due today", "Not due yet", "No due date"));
    }

    @Test
    void listsByDueDateWithFiltersAndPages() {
        String partnership = partnership();
        var transition = commitment("Handover of the Kaga-Bandoro base", "planned", "2031-03-31");
        transition.put("area", "transition");
        transition.put("owner", "host_government");
        create(partnership, "commitments", transition);
        create(
                partnership,
                "commitments",
                commitment("Early warning network", "in_progress", "2030-06-30"));
        create(partnership, "commitments", commitment("Undated", "planned", null));
        String path = partnership + "/commitments";
        as("reader")
                .get(path)
                .then()
                .statusCode(200)
                .body(
                        "items.description",
                        contains(
                                "Early warning network",
                                "Handover of the Kaga-Bandoro base",
                                "Undated"));
        as("reader")
                .queryParam("area", "transition")
                .get(path)
                .then()
                .statusCode(200)
                .body("items.description", contains("Handover of the Kaga-Bandoro base"));
        as("reader")
                .queryParam("owner", "joint")
                .queryParam("status", "planned")
                .get(path)
                .then()
                .statusCode(200)
                .body("items.description", contains("Undated"));
        var first = as("reader").queryParam("limit", 2).get(path);
        first.then().statusCode(200).body("items", hasSize(2)).body("next_cursor", notNullValue());
        as("reader")
                .queryParam("limit", 2)
                .queryParam("cursor", first.path("next_cursor").toString())
                .get(path)
                .then()
                .statusCode(200)
                .body("items.description", contains("Undated"))
                .body("next_cursor", nullValue());
        invalid("reader")
                .queryParam("limit", 500)
                .get(path)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.parameter", contains("limit"));
    }

    @Test
    void rejectsInvalidBodies() {
        String path = partnership() + "/commitments";
        var noPriority = commitment("Unknown priority", null, null);
        noPriority.put("priority_code", "P9");
        invalid("editor")
                .body(noPriority)
                .post(path)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/priority_code"));
        var badArea = commitment("Bad area", null, null);
        badArea.put("area", "logistics");
        invalid("editor")
                .body(badArea)
                .post(path)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/area"));
        var blank = commitment("", null, null);
        invalid("editor")
                .body(blank)
                .post(path)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/description"));
        as("reader").get(path).then().statusCode(200).body("items", empty());
    }

    @Test
    void replacesAndDeletesWithIfMatch() {
        String partnership = partnership();
        var body = commitment("Joint security assessment", null, "2030-01-31");
        String path = create(partnership, "commitments", body);
        var changed = new HashMap<>(body);
        changed.put("due_date", "2030-02-28");
        invalid("editor").body(changed).put(path).then().statusCode(428).contentType(PROBLEM_JSON);
        as("editor")
                .header("If-Match", "\"4\"")
                .body(changed)
                .put(path)
                .then()
                .statusCode(412)
                .contentType(PROBLEM_JSON)
                .header("ETag", equalTo("\"0\""));
        String etag =
                as("editor")
                        .header("If-Match", "\"0\"")
                        .body(changed)
                        .put(path)
                        .then()
                        .statusCode(200)
                        .header("ETag", equalTo("\"1\""))
                        .body("due_date", equalTo("2030-02-28"))
                        .extract()
                        .header("ETag");
        as("reader")
                .header("If-Match", etag)
                .delete(path)
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
        invalid("editor").delete(path).then().statusCode(428).contentType(PROBLEM_JSON);
        as("editor")
                .header("If-Match", "\"0\"")
                .delete(path)
                .then()
                .statusCode(412)
                .contentType(PROBLEM_JSON);
        as("admin").header("If-Match", etag).delete(path).then().statusCode(204);
        as("reader").get(path).then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void rolesAndMissionScope() {
        String mission = createMission("2014-04-10");
        String partnership = createPartnership(mission);
        var body = commitment("Scoped commitment", null, null);
        as("reader")
                .body(body)
                .post(partnership + "/commitments")
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
        as("conduct_officer")
                .body(body)
                .post(partnership + "/commitments")
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
        String path = create(partnership, "commitments", body);
        asIn(List.of("MINUSCA"), "editor")
                .body(body)
                .post(partnership + "/commitments")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
        asIn(List.of("MINUSCA"), "reader")
                .get(path)
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
        asIn(List.of("MINUSCA"), "editor")
                .header("If-Match", "\"0\"")
                .body(body)
                .put(path)
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
        asIn(List.of("MINUSCA"), "editor")
                .header("If-Match", "\"0\"")
                .delete(path)
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
        asIn(List.of(mission), "reader").get(path).then().statusCode(200);
        String other = createPartnership(createMission("2014-04-10"));
        as("reader")
                .get(other + path.substring(path.indexOf("/commitments/")))
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("No commitment"));
    }

    @Test
    void aCreationRetriedWithTheSameKeyIsReplayed() {
        String partnership = partnership();
        String path = partnership + "/commitments";
        var body = commitment("Idempotent commitment", null, null);
        var first =
                as("editor")
                        .header("Idempotency-Key", "commitment-" + partnership)
                        .body(body)
                        .post(path);
        first.then().statusCode(201);
        var second =
                as("editor")
                        .header("Idempotency-Key", "commitment-" + partnership)
                        .body(body)
                        .post(path);
        second.then()
                .statusCode(201)
                .header("Location", equalTo(first.header("Location")))
                .header("ETag", equalTo(first.header("ETag")));
        assertEquals(first.asString(), second.asString());
        as("reader").get(path).then().statusCode(200).body("items", hasSize(1));
        as("editor")
                .header("Idempotency-Key", "commitment-" + partnership)
                .body(commitment("Another", null, null))
                .post(path)
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/idempotency-key-reused"));
    }
}
