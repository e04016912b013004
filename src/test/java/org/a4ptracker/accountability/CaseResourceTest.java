package org.a4ptracker.accountability;

import static org.a4ptracker.support.Api.PROBLEM_JSON;
import static org.a4ptracker.support.Api.as;
import static org.a4ptracker.support.Api.asIn;
import static org.a4ptracker.support.Api.invalid;
import static org.a4ptracker.support.Cases.create;
import static org.a4ptracker.support.Cases.crime;
import static org.a4ptracker.support.Cases.investigation;
import static org.a4ptracker.support.Cases.move;
import static org.a4ptracker.support.Cases.pipeline;
import static org.a4ptracker.support.Cases.sea;
import static org.a4ptracker.support.Fixtures.createMission;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CaseResourceTest {

    private static final String CASES = "/accountability-cases";
    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

    @SuppressWarnings("unchecked")
    private static Map<String, Object> misconductOf(Map<String, Object> body) {
        return (Map<String, Object>) body.get("misconduct");
    }

    private static Map<String, Object> updateOf(Map<String, Object> created) {
        var update = new HashMap<>(created);
        update.remove("kind");
        update.remove("mission_acronym");
        return update;
    }

    @Test
    void createsAMisconductCaseWithAReferenceNeverReused() {
        String mission = createMission("2019-01-01");
        Response first = as("conduct_officer").body(sea(mission, "2021-03-05")).post(CASES);
        first.then()
                .statusCode(201)
                .header("Location", endsWith(CASES + "/" + first.path("id")))
                .header("ETag", equalTo("\"0\""))
                .body("reference", equalTo(mission + "-2021-0001"))
                .body("kind", equalTo("misconduct"))
                .body("status", equalTo("reported"))
                .body("redacted", equalTo(false))
                .body("misconduct.misconduct_level", equalTo(1))
                .body("misconduct.victims", hasSize(2))
                .body("misconduct.victim_counts.women", equalTo(1))
                .body("misconduct.victim_counts.girls", equalTo(1))
                .body("misconduct.paternity_claim_count", equalTo(1))
                .body("incident_date", equalTo("2021-03-01"));
        as("conduct_officer")
                .body(sea(mission, "2021-11-30"))
                .post(CASES)
                .then()
                .statusCode(201)
                .body("reference", equalTo(mission + "-2021-0002"));
        as("conduct_officer")
                .body(sea(mission, "2022-01-02"))
                .post(CASES)
                .then()
                .statusCode(201)
                .body("reference", equalTo(mission + "-2022-0001"));
        as("reader")
                .queryParam("reference", mission.toLowerCase() + "-2021")
                .get(CASES)
                .then()
                .statusCode(200)
                .body(
                        "items.reference",
                        containsInAnyOrder(mission + "-2021-0001", mission + "-2021-0002"));
    }

    @Test
    void createsACrimeAgainstPeacekeepers() {
        String mission = createMission("2019-01-01");
        as("admin")
                .body(crime(mission, "2021-06-14", pipeline(4, 3, 2, 2, 1, 1)))
                .post(CASES)
                .then()
                .statusCode(201)
                .body("kind", equalTo("crime_against_peacekeepers"))
                .body("crime.crime_type", equalTo("ied"))
                .body("crime.peacekeepers_killed", equalTo(2))
                .body("crime.judicial_pipeline.arrested", equalTo(3))
                .body("crime.location.admin_area", equalTo("Ituri"))
                .body("misconduct", nullValue())
                .body("redacted", equalTo(false));
    }

    @Test
    void aStageOfTheJudicialPipelineCannotExceedTheOneBefore() {
        String mission = createMission("2019-01-01");
        as("admin")
                .body(crime(mission, "2021-06-14", pipeline(2, 3, 1, 1, 0, 0)))
                .post(CASES)
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/judicial-pipeline-inconsistent"))
                .body("errors.pointer", contains("/crime/judicial_pipeline/arrested"));
        as("admin")
                .body(crime(mission, "2021-06-14", pipeline(5, 4, 3, 2, 2, 1)))
                .post(CASES)
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/crime/judicial_pipeline/convicted"));
        as("admin")
                .queryParam("mission", mission)
                .get(CASES)
                .then()
                .statusCode(200)
                .body("items", empty());
    }

    @Test
    void theKindPicksTheShapeOfTheBody() {
        String mission = createMission("2019-01-01");
        var noKind = sea(mission, "2021-03-05");
        noKind.remove("kind");
        invalid("conduct_officer")
                .body(noKind)
                .post(CASES)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/kind"))
                .body("errors[0].detail", equalTo("must not be null"));
        var unknownKind = sea(mission, "2021-03-05");
        unknownKind.put("kind", "robbery");
        invalid("conduct_officer")
                .body(unknownKind)
                .post(CASES)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/kind"));
        String id = create(crime(mission, "2021-06-14", pipeline(0, 0, 0, 0, 0, 0)));
        // A replacement with neither `misconduct` nor `crime` matches none of the contract's
        // shapes.
        invalid("conduct_officer")
                .header("If-Match", "\"0\"")
                .body(Map.of("reported_on", "2021-06-14", "incident_date_precision", "unknown"))
                .put(CASES + "/" + id)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains(""))
                .body(
                        "errors[0].detail",
                        equalTo(
                                "does not match exactly one of the shapes the contract allows here"));
        // The other kind's shape is well formed, but not for this case.
        var misconductPart = sea(mission, "2021-06-14");
        as("conduct_officer")
                .header("If-Match", "\"0\"")
                .body(
                        Map.of(
                                "reported_on",
                                "2021-06-14",
                                "incident_date_precision",
                                "unknown",
                                "misconduct",
                                misconductPart.get("misconduct")))
                .put(CASES + "/" + id)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", containsInAnyOrder("/misconduct", "/crime"));
        as("reader")
                .get(CASES + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("kind", equalTo("crime_against_peacekeepers"))
                .body("crime.crime_type", notNullValue())
                .body("misconduct", nullValue());
    }

    @Test
    void detailsMustMatchTheKindAndTheRules() {
        String mission = createMission("2019-01-01");
        var mixed = sea(mission, "2021-03-05");
        mixed.put("crime", crime(mission, "2021-03-05", pipeline(0, 0, 0, 0, 0, 0)).get("crime"));
        // The contract's oneOf: kind misconduct carries `misconduct` and never `crime`.
        invalid("conduct_officer")
                .body(mixed)
                .post(CASES)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/crime"));
        var body = sea(mission, "2021-03-05");
        body.put("incident_date", "2021-03-09");
        misconductOf(body).remove("sea_type");
        misconductOf(body).put("personnel_category", "civilian_national");
        misconductOf(body)
                .put("investigations", List.of(investigation("oios", "2021-04-01", "2021-03-01")));
        misconductOf(body)
                .put(
                        "member_state_requests",
                        List.of(Map.of("country", "XXX", "sent_on", "2021-04-01")));
        invalid("conduct_officer")
                .body(body)
                .post(CASES)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body(
                        "errors.pointer",
                        containsInAnyOrder(
                                "/incident_date",
                                "/incident_date",
                                "/misconduct/sea_type",
                                "/misconduct/perpetrator_nationality",
                                "/misconduct/investigations/0/completed_on",
                                "/misconduct/member_state_requests/0/country"));
        var crimeWithoutDetails = crime(mission, "2021-03-05", pipeline(0, 0, 0, 0, 0, 0));
        crimeWithoutDetails.remove("crime");
        crimeWithoutDetails.put("incident_date_precision", "unknown");
        // `crime` is required for this kind: the body is refused before any other rule is checked.
        invalid("conduct_officer")
                .body(crimeWithoutDetails)
                .post(CASES)
                .then()
                .statusCode(400)
                .body("errors.pointer", contains("/crime"))
                .body("errors[0].detail", equalTo("must not be null"));
        var otherMisconduct = sea(mission, "2021-03-05");
        misconductOf(otherMisconduct).put("category", "other_misconduct");
        invalid("conduct_officer")
                .body(otherMisconduct)
                .post(CASES)
                .then()
                .statusCode(400)
                .body("errors.pointer", hasItem("/misconduct/misconduct_level"));
    }

    @Test
    void onlyConductOfficersAndAdminsRecordCasesAndOnlyInTheirMissions() {
        String mission = createMission("2019-01-01");
        as("reader")
                .body(sea(mission, "2021-03-05"))
                .post(CASES)
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
        as("editor")
                .body(sea(mission, "2021-03-05"))
                .post(CASES)
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
        asIn(List.of("MINUSCA"), "conduct_officer")
                .body(sea(mission, "2021-03-05"))
                .post(CASES)
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
        as("conduct_officer")
                .body(sea("NOSUCHMISS", "2021-03-05"))
                .post(CASES)
                .then()
                .statusCode(404)
                .body("detail", equalTo("No mission NOSUCHMISS."));
    }

    @Test
    void readersAndEditorsNeverReceiveVictimSubRecords() {
        String mission = createMission("2019-01-01");
        String id = create(sea(mission, "2021-03-05"));
        move(id, "preliminary_assessment");
        for (String role : List.of("reader", "editor")) {
            String one =
                    as(role).get(CASES + "/" + id)
                            .then()
                            .statusCode(200)
                            .body("redacted", equalTo(true))
                            .body("misconduct.victims", nullValue())
                            .body("misconduct.paternity_claims", nullValue())
                            .body("misconduct.victim_counts.total", equalTo(2))
                            .body("misconduct.paternity_claim_count", equalTo(1))
                            .body("misconduct.perpetrator_nationality", equalTo("PAK"))
                            .extract()
                            .asString();
            String then =
                    as(role).queryParam("as_of", Instant.now().toString())
                            .get(CASES + "/" + id)
                            .then()
                            .statusCode(200)
                            .body("redacted", equalTo(true))
                            .extract()
                            .asString();
            String list =
                    as(role).queryParam("mission", mission)
                            .get(CASES)
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString();
            String history =
                    as(role).get(CASES + "/" + id + "/history")
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString();
            for (String body : List.of(one, then, list, history)) {
                assertThat(body, not(containsString("\"sex\"")));
                assertThat(body, not(containsString("\"age_group\"")));
                assertThat(body, not(containsString("assistance_offered")));
            }
        }
        as("conduct_officer")
                .get(CASES + "/" + id)
                .then()
                .statusCode(200)
                .body("redacted", equalTo(false))
                .body("misconduct.victims.sex", contains("female", "female"))
                .body("misconduct.victims[0].assistance[0].type", equalTo("medical"));
    }

    @Test
    void fullReadsAreLoggedForAdmins() {
        String mission = createMission("2019-01-01");
        String id = create(sea(mission, "2021-03-05"));
        as("reader").get(CASES + "/" + id).then().statusCode(200);
        as("conduct_officer").get(CASES + "/" + id).then().statusCode(200);
        as("conduct_officer")
                .queryParam("as_of", Instant.now().toString())
                .get(CASES + "/" + id)
                .then()
                .statusCode(200);
        // the creation's answer showed the full case too
        as("admin")
                .get(CASES + "/" + id + "/reads")
                .then()
                .statusCode(200)
                .body("items", hasSize(3))
                .body(
                        "items.reader",
                        contains(
                                "test-conduct_officer",
                                "test-conduct_officer",
                                "test-conduct_officer"))
                .body("items.view", contains("as_of", "current", "current"))
                .body("items[0].read_at", notNullValue());
        as("admin")
                .queryParam("limit", 1)
                .get(CASES + "/" + id + "/reads")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("next_cursor", notNullValue());
        as("conduct_officer")
                .get(CASES + "/" + id + "/reads")
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void casesOutsideTheCallersMissionsDoNotExistForThem() {
        String mission = createMission("2019-01-01");
        String id = create(sea(mission, "2021-03-05"));
        asIn(List.of("MINUSCA"), "conduct_officer")
                .get(CASES + "/" + id)
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
        asIn(List.of("MINUSCA"), "conduct_officer")
                .get(CASES + "/" + id + "/history")
                .then()
                .statusCode(404);
        asIn(List.of("MINUSCA"), "conduct_officer")
                .body(Map.of("to", "preliminary_assessment", "reason", "x"))
                .post(CASES + "/" + id + "/transitions")
                .then()
                .statusCode(404);
        asIn(List.of("MINUSCA"), "reader")
                .queryParam("mission", mission)
                .get(CASES)
                .then()
                .statusCode(200)
                .body("items", empty());
        asIn(List.of(mission), "reader")
                .queryParam("mission", mission)
                .get(CASES)
                .then()
                .statusCode(200)
                .body("items.id", contains(id));
    }

    @Test
    void replacesDetailsWithIfMatchButNeverTheStatus() {
        String mission = createMission("2019-01-01");
        var created = sea(mission, "2021-03-05");
        String id = create(created);
        String path = CASES + "/" + id;
        var update = updateOf(created);
        misconductOf(update).put("alleged_perpetrators", 3);
        invalid("conduct_officer")
                .body(update)
                .put(path)
                .then()
                .statusCode(428)
                .contentType(PROBLEM_JSON);
        as("conduct_officer")
                .header("If-Match", "\"9\"")
                .body(update)
                .put(path)
                .then()
                .statusCode(412)
                .contentType(PROBLEM_JSON)
                .header("ETag", equalTo("\"0\""));
        as("conduct_officer")
                .header("If-Match", "\"0\"")
                .body(update)
                .put(path)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("misconduct.alleged_perpetrators", equalTo(3));
        var withStatus = new HashMap<>(update);
        withStatus.put("status", "closed");
        invalid("conduct_officer")
                .header("If-Match", "\"1\"")
                .body(withStatus)
                .put(path)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/status"));
        as("editor").header("If-Match", "\"1\"").body(update).put(path).then().statusCode(403);
        as("reader").get(path).then().statusCode(200).body("status", equalTo("reported"));
    }

    @Test
    void patchesAnArrayWholeAndKeepsTheRest() {
        String mission = createMission("2019-01-01");
        String id = create(sea(mission, "2021-03-05"));
        String path = CASES + "/" + id;
        var patch =
                Map.of(
                        "misconduct",
                        Map.of(
                                "final_actions",
                                List.of(
                                        Map.of(
                                                "type",
                                                "repatriation_and_ban",
                                                "taken_on",
                                                "2021-09-01"))));
        as("conduct_officer")
                .contentType(MERGE_PATCH)
                .header("If-Match", "\"0\"")
                .body(patch)
                .patch(path)
                .then()
                .statusCode(200)
                .body("misconduct.final_actions.type", contains("repatriation_and_ban"))
                .body("misconduct.victims", hasSize(2))
                .body("misconduct.sea_type", equalTo("sexual_exploitation"));
        invalid("conduct_officer")
                .contentType(MERGE_PATCH)
                .header("If-Match", "\"1\"")
                .body(Map.of("status", "closed"))
                .patch(path)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/status"));
        as("conduct_officer")
                .contentType(MERGE_PATCH)
                .header("If-Match", "\"1\"")
                .body(Map.of("crime", Map.of("crime_type", "ied")))
                .patch(path)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/crime"));
    }

    @Test
    void historyListsEveryRevisionAndAsOfShowsThePast() throws Exception {
        String mission = createMission("2019-01-01");
        var created = sea(mission, "2021-03-05");
        String id = create(created);
        String path = CASES + "/" + id;
        Thread.sleep(20);
        Instant afterCreation = Instant.now();
        Thread.sleep(20);
        var update = updateOf(created);
        misconductOf(update)
                .put("investigations", List.of(investigation("oios", "2021-03-20", null)));
        as("conduct_officer")
                .header("If-Match", "\"0\"")
                .body(update)
                .put(path)
                .then()
                .statusCode(200);
        as("conduct_officer")
                .body(Map.of("to", "preliminary_assessment", "reason", "Received from the mission"))
                .post(path + "/transitions")
                .then()
                .statusCode(200)
                .body("status", equalTo("preliminary_assessment"));
        as("reader")
                .get(path + "/history")
                .then()
                .statusCode(200)
                .body("items", hasSize(3))
                .body("items.change", contains("created", "updated", "updated"))
                .body("items.status", contains("reported", "reported", "preliminary_assessment"))
                .body("items[1].changed_fields", contains("misconduct.investigations"))
                .body("items[2].changed_fields", contains("status"))
                .body("items[2].reason", equalTo("Received from the mission"))
                .body("items[2].actor", equalTo("test-conduct_officer"))
                .body("items[0].reason", nullValue());
        as("conduct_officer")
                .queryParam("as_of", afterCreation.toString())
                .get(path)
                .then()
                .statusCode(200)
                .header("ETag", nullValue())
                .body("status", equalTo("reported"))
                .body("misconduct.investigations", empty());
        as("conduct_officer")
                .queryParam("as_of", "2020-01-01T00:00:00Z")
                .get(path)
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void aHistoryPagedOneByOneGivesEveryRevisionOnceInOrderWithWhatEachChanged() {
        String mission = createMission("2019-01-01");
        var created = sea(mission, "2021-03-05");
        String id = create(created);
        String path = CASES + "/" + id;
        var update = updateOf(created);
        misconductOf(update)
                .put("victims", List.of(org.a4ptracker.support.Cases.victim("male", "minor")));
        misconductOf(update).put("alleged_perpetrators", 2);
        as("conduct_officer")
                .header("If-Match", "\"0\"")
                .body(update)
                .put(path)
                .then()
                .statusCode(200);
        misconductOf(update)
                .put("victims", List.of(org.a4ptracker.support.Cases.victim("female", "unknown")));
        as("conduct_officer")
                .header("If-Match", "\"1\"")
                .body(update)
                .put(path)
                .then()
                .statusCode(200);
        move(id, "preliminary_assessment");
        misconductOf(update)
                .put("investigations", List.of(investigation("oios", "2021-03-20", null)));
        as("conduct_officer")
                .header("If-Match", "\"3\"")
                .body(update)
                .put(path)
                .then()
                .statusCode(200);
        move(id, "closed_no_basis");

        List<Map<String, Object>> officer = pageThrough("conduct_officer", path);
        assertEquals(
                as("conduct_officer")
                        .get(path + "/history")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("items"),
                officer,
                "the pages together are the unpaged history");
        assertEquals(
                List.of("created", "updated", "updated", "updated", "updated", "updated"),
                officer.stream().map(e -> e.get("change")).toList());
        List<Long> revisions =
                officer.stream().map(e -> ((Number) e.get("revision")).longValue()).toList();
        for (int i = 1; i < revisions.size(); i++) {
            assertThat(
                    "revisions grow, each once",
                    revisions.get(i) > revisions.get(i - 1),
                    equalTo(true));
        }
        assertThat(changed(officer, 0), hasItem("misconduct.victims"));
        // Each entry that starts a page lists only what its own revision changed.
        assertThat(
                changed(officer, 1),
                containsInAnyOrder("misconduct.alleged_perpetrators", "misconduct.victims"));
        assertThat(changed(officer, 2), contains("misconduct.victims"));
        assertThat(changed(officer, 3), contains("status"));
        assertThat(changed(officer, 4), contains("misconduct.investigations"));
        assertThat(changed(officer, 5), containsInAnyOrder("status", "closed_on"));

        // A reader (no conduct role) pages the same revisions but never learns that victims
        // changed.
        List<Map<String, Object>> reader = pageThrough("reader", path);
        assertEquals(
                revisions,
                reader.stream().map(e -> ((Number) e.get("revision")).longValue()).toList());
        for (int i = 0; i < reader.size(); i++) {
            assertThat(changed(reader, i), not(hasItem("misconduct.victims")));
            assertThat(changed(reader, i), not(hasItem("misconduct.paternity_claims")));
        }
        assertThat(changed(reader, 0), hasItem("misconduct.category"));
        assertThat(changed(reader, 1), contains("misconduct.alleged_perpetrators"));
        assertThat(changed(reader, 2), empty());
        assertThat(changed(reader, 3), contains("status"));
        assertThat(changed(reader, 5), containsInAnyOrder("status", "closed_on"));
    }

    /**
     * Every entry of a case's history, read with {@code limit=1} by following {@code next_cursor}.
     */
    private static List<Map<String, Object>> pageThrough(String role, String path) {
        List<Map<String, Object>> entries = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(role).queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(path + "/history");
            page.then().statusCode(200).body("items", hasSize(1));
            entries.addAll(page.path("items"));
            cursor = page.path("next_cursor");
            assertThat("no more pages than revisions", entries.size() <= 6, equalTo(true));
        } while (cursor != null);
        assertEquals(6, entries.size());
        return entries;
    }

    @SuppressWarnings("unchecked")
    private static List<String> changed(List<Map<String, Object>> entries, int index) {
        return (List<String>) entries.get(index).get("changed_fields");
    }

    @Test
    void seaInvestigationsOpenBeyondTheTargetAreOverdue() {
        String mission = createMission("2019-01-01");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String reported = today.minusDays(200).toString();
        var late = sea(mission, reported);
        misconductOf(late)
                .put(
                        "investigations",
                        List.of(investigation("oios", today.minusDays(91).toString(), null)));
        var onTime = sea(mission, reported);
        misconductOf(onTime)
                .put(
                        "investigations",
                        List.of(investigation("nio", today.minusDays(90).toString(), null)));
        var finished = sea(mission, reported);
        misconductOf(finished)
                .put(
                        "investigations",
                        List.of(
                                investigation(
                                        "oios",
                                        today.minusDays(150).toString(),
                                        today.minusDays(10).toString())));
        var other = sea(mission, reported);
        misconductOf(other).put("category", "other_misconduct");
        misconductOf(other).remove("sea_type");
        misconductOf(other).remove("sea_subtype");
        misconductOf(other).put("misconduct_level", 2);
        misconductOf(other).put("misconduct_type", "harassment");
        misconductOf(other)
                .put(
                        "investigations",
                        List.of(
                                investigation(
                                        "mission_unit", today.minusDays(120).toString(), null)));
        String lateId = create(late);
        String onTimeId = create(onTime);
        String finishedId = create(finished);
        String otherId = create(other);
        as("conduct_officer")
                .get(CASES + "/" + lateId)
                .then()
                .statusCode(200)
                .body("overdue", equalTo(true))
                .body("days_open", equalTo(200))
                .body("days_under_investigation", equalTo(91))
                .body("misconduct.investigations[0].duration_days", equalTo(91));
        as("conduct_officer")
                .get(CASES + "/" + onTimeId)
                .then()
                .statusCode(200)
                .body("overdue", equalTo(false));
        as("conduct_officer")
                .get(CASES + "/" + finishedId)
                .then()
                .statusCode(200)
                .body("overdue", equalTo(false))
                .body("days_under_investigation", equalTo(140));
        as("conduct_officer")
                .get(CASES + "/" + otherId)
                .then()
                .statusCode(200)
                .body("overdue", equalTo(false));
        as("reader")
                .queryParam("mission", mission)
                .queryParam("overdue", true)
                .get(CASES)
                .then()
                .statusCode(200)
                .body("items.id", contains(lateId))
                .body("items[0].overdue", equalTo(true));
        as("reader")
                .queryParam("mission", mission)
                .queryParam("overdue", false)
                .get(CASES)
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(onTimeId, finishedId, otherId));
    }

    @Test
    void listsFilterAndPageNewestFirst() {
        String mission = createMission("2019-01-01");
        String a = create(sea(mission, "2021-01-10"));
        String b = create(crime(mission, "2021-02-10", pipeline(1, 1, 0, 0, 0, 0)));
        String c = create(sea(mission, "2021-03-10"));
        move(c, "preliminary_assessment");
        as("reader")
                .queryParam("mission", mission)
                .get(CASES)
                .then()
                .statusCode(200)
                .body("items.id", contains(c, b, a))
                .body("items[1].crime_type", equalTo("ied"))
                .body("items[0].category", equalTo("sea"));
        as("reader")
                .queryParam("mission", mission)
                .queryParam("kind", "crime_against_peacekeepers")
                .get(CASES)
                .then()
                .statusCode(200)
                .body("items.id", contains(b));
        as("reader")
                .queryParam("mission", mission)
                .queryParam("status", "preliminary_assessment")
                .get(CASES)
                .then()
                .statusCode(200)
                .body("items.id", contains(c));
        as("reader")
                .queryParam("mission", mission)
                .queryParam("category", "sea")
                .queryParam("reported_from", "2021-01-01")
                .queryParam("reported_to", "2021-02-28")
                .get(CASES)
                .then()
                .statusCode(200)
                .body("items.id", contains(a));
        Response first =
                as("reader").queryParam("mission", mission).queryParam("limit", 2).get(CASES);
        first.then().statusCode(200).body("items.id", contains(c, b));
        as("reader")
                .queryParam("mission", mission)
                .queryParam("limit", 2)
                .queryParam("cursor", first.path("next_cursor").toString())
                .get(CASES)
                .then()
                .statusCode(200)
                .body("items.id", contains(a))
                .body("next_cursor", nullValue());
        invalid("reader")
                .queryParam("status", "lost")
                .get(CASES)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.parameter", contains("status"));
        invalid("reader")
                .queryParam("overdue", "yes")
                .get(CASES)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.parameter", contains("overdue"))
                .body("errors[0].detail", equalTo("must be true or false"));
    }

    @Test
    void aRetriedCreationWithTheSameKeyIsReplayed() {
        String mission = createMission("2019-01-01");
        var body = sea(mission, "2021-03-05");
        Response first =
                as("conduct_officer")
                        .header("Idempotency-Key", "case-" + mission)
                        .body(body)
                        .post(CASES);
        first.then().statusCode(201);
        Response again =
                as("conduct_officer")
                        .header("Idempotency-Key", "case-" + mission)
                        .body(body)
                        .post(CASES);
        again.then()
                .statusCode(201)
                .header("Location", equalTo(first.header("Location")))
                .header("ETag", equalTo("\"0\""));
        assertEquals(first.asString(), again.asString());
        as("reader")
                .queryParam("mission", mission)
                .get(CASES)
                .then()
                .statusCode(200)
                .body("items", hasSize(1));
        as("conduct_officer")
                .header("Idempotency-Key", "case-" + mission)
                .body(sea(mission, "2021-03-06"))
                .post(CASES)
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void aMissionWithCasesCannotBeDeleted() {
        String mission = createMission("2019-01-01");
        create(crime(mission, "2021-06-14", pipeline(0, 0, 0, 0, 0, 0)));
        String etag = as("admin").get("/missions/" + mission).then().extract().header("ETag");
        as("admin")
                .header("If-Match", etag)
                .delete("/missions/" + mission)
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("1 accountability case(s)"));
    }

    @Test
    void aFutureAsOfShowsTheCaseAsItIsNow() {
        String mission = createMission("2019-01-01");
        String id = create(sea(mission, "2021-03-05"));
        move(id, "preliminary_assessment");
        invalid("reader")
                .queryParam("as_of", "+999999999-12-31T23:59:59-18:00")
                .get(CASES + "/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("preliminary_assessment"));
    }

    @Test
    void redactedHistoriesDoNotNameChangesToVictimRecords() {
        String mission = createMission("2019-01-01");
        var created = sea(mission, "2021-03-05");
        String id = create(created);
        var update = updateOf(created);
        misconductOf(update)
                .put("victims", List.of(org.a4ptracker.support.Cases.victim("male", "minor")));
        misconductOf(update).put("alleged_perpetrators", 2);
        as("conduct_officer")
                .header("If-Match", "\"0\"")
                .body(update)
                .put(CASES + "/" + id)
                .then()
                .statusCode(200);
        as("conduct_officer")
                .get(CASES + "/" + id + "/history")
                .then()
                .statusCode(200)
                .body(
                        "items[1].changed_fields",
                        containsInAnyOrder(
                                "misconduct.alleged_perpetrators", "misconduct.victims"));
        as("reader")
                .get(CASES + "/" + id + "/history")
                .then()
                .statusCode(200)
                .body("items[1].changed_fields", contains("misconduct.alleged_perpetrators"))
                .body("items[0].changed_fields", not(hasItem("misconduct.victims")));
    }

    @Test
    void aReplayNeedsTheSameRolesAndMissionsAsTheFirstCall() {
        String mission = createMission("2019-01-01");
        var body = sea(mission, "2021-03-05");
        as("conduct_officer")
                .header("Idempotency-Key", "scope-" + mission)
                .body(body)
                .post(CASES)
                .then()
                .statusCode(201);
        asIn(List.of(mission), "conduct_officer")
                .header("Idempotency-Key", "scope-" + mission)
                .body(body)
                .post(CASES)
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/idempotency-key-reused"));
    }
}
