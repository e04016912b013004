package org.a4ptracker.mission;

import static org.a4ptracker.support.Api.PROBLEM_JSON;
import static org.a4ptracker.support.Api.as;
import static org.a4ptracker.support.Api.asIn;
import static org.a4ptracker.support.Api.invalid;
import static org.a4ptracker.support.Fixtures.assessment;
import static org.a4ptracker.support.Fixtures.createAssessment;
import static org.a4ptracker.support.Fixtures.createMission;
import static org.a4ptracker.support.Fixtures.etagOf;
import static org.a4ptracker.support.Fixtures.mission;
import static org.a4ptracker.support.Fixtures.newAcronym;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MissionResourceTest {

    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

    @Test
    void seededMissionsIncludeTheOperationsOfMarch2021() {
        List<String> acronyms =
                as("reader")
                        .queryParam("limit", 200)
                        .get("/missions")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("items.acronym");
        org.hamcrest.MatcherAssert.assertThat(
                acronyms,
                hasItems(
                        "MINURSO", "MINUSCA", "MINUSMA", "MONUSCO", "UNDOF", "UNFICYP", "UNIFIL",
                        "UNISFA", "UNMIK", "UNMISS", "UNMOGIP", "UNTSO"));
        as("reader")
                .get("/missions/MINUSMA")
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("status", equalTo("closed"))
                .body("end_date", equalTo("2023-12-31"))
                .body("host_countries", contains("MLI"));
        as("reader")
                .get("/missions/UNMIK")
                .then()
                .statusCode(200)
                .body("host_countries", empty())
                .body("host_territory", equalTo("Kosovo"))
                .body("mandate.resolution", equalTo(1244));
    }

    @Test
    void filtersByStatusHostCountryTextAndStartDate() {
        as("reader")
                .queryParam("status", "closed")
                .get("/missions")
                .then()
                .statusCode(200)
                .body("items.acronym", hasItem("MINUSMA"))
                .body("items.status", everyItem(equalTo("closed")));
        as("reader")
                .queryParam("host_country", "SSD")
                .get("/missions")
                .then()
                .statusCode(200)
                .body("items.acronym", hasItems("UNISFA", "UNMISS"))
                .body("items.host_countries", everyItem(hasItem("SSD")));
        as("reader")
                .queryParam("q", "STABILISATION")
                .get("/missions")
                .then()
                .statusCode(200)
                .body("items.acronym", hasItems("MINUSCA", "MINUSMA", "MONUSCO"));
        as("reader")
                .queryParam("started_after", "1948-01-01")
                .queryParam("started_before", "1964-12-31")
                .get("/missions")
                .then()
                .statusCode(200)
                .body("items.acronym", contains("UNFICYP", "UNMOGIP", "UNTSO"));
    }

    @Test
    void sortsByStartDateDescendingAndPagesWithoutGapsOrRepeats() {
        List<String> all =
                as("reader")
                        .queryParam("sort", "-start_date")
                        .queryParam("limit", 200)
                        .get("/missions")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("items.acronym");
        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            var request = as("reader").queryParam("sort", "-start_date").queryParam("limit", 5);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/missions");
            page.then()
                    .statusCode(200)
                    .body("items.size()", org.hamcrest.Matchers.lessThanOrEqualTo(5));
            walked.addAll(page.path("items.acronym"));
            cursor = page.path("next_cursor");
        } while (cursor != null);
        assertEquals(all, walked);
        int untso = all.indexOf("UNTSO");
        int minusca = all.indexOf("MINUSCA");
        org.hamcrest.MatcherAssert.assertThat(untso, greaterThanOrEqualTo(minusca));
    }

    @Test
    void createsAMissionWithLocationAndETag() {
        String acronym = newAcronym();
        var body = new HashMap<>(mission(acronym, "2024-01-15"));
        body.put("host_countries", List.of("SDN", "SSD"));
        body.put("host_territory", "Abyei");
        body.put("mandate", Map.of("resolution", 2760, "adopted_on", "2024-11-14"));
        as("editor")
                .body(body)
                .post("/missions")
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/missions/" + acronym))
                .header("ETag", equalTo("\"0\""))
                .body("acronym", equalTo(acronym))
                .body("status", equalTo("active"))
                .body("host_countries", contains("SDN", "SSD"))
                .body("mandate.adopted_on", equalTo("2024-11-14"));
        as("reader")
                .get("/missions/" + acronym)
                .then()
                .statusCode(200)
                .body("host_territory", equalTo("Abyei"));
    }

    @Test
    void rejectsAnInvalidAcronymWithAPointer() {
        invalid("admin")
                .body(mission("minusca2", "2024-01-01"))
                .post("/missions")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/validation-error"))
                .body("errors.pointer", contains("/acronym"));
    }

    @Test
    void rejectsAnUnknownCountryCode() {
        var body = new HashMap<>(mission(newAcronym(), "2024-01-01"));
        body.put("host_countries", List.of("CAF", "XKX"));
        as("admin")
                .body(body)
                .post("/missions")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/host_countries/1"))
                .body("errors[0].detail", containsString("ISO 3166-1"));
    }

    @Test
    void requiresACountryOrATerritory() {
        var body = new HashMap<>(mission(newAcronym(), "2024-01-01"));
        body.put("host_countries", List.of());
        invalid("admin")
                .body(body)
                .post("/missions")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/host_countries"));
    }

    @Test
    void rejectsAnEndBeforeTheStartAndAClosedMissionWithoutEnd() {
        var body = new HashMap<>(mission(newAcronym(), "2024-01-01"));
        body.put("end_date", "2023-12-31");
        as("admin")
                .body(body)
                .post("/missions")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/end_date"))
                .body("errors[0].detail", equalTo("must not be before start_date"));
        var closed = new HashMap<>(mission(newAcronym(), "2024-01-01"));
        closed.put("status", "closed");
        invalid("admin")
                .body(closed)
                .post("/missions")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].detail", equalTo("is required when status is closed"));
    }

    @Test
    void refusesADuplicateAcronym() {
        as("admin")
                .body(mission("MINUSCA", "2014-04-10"))
                .post("/missions")
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/conflict"))
                .body("detail", containsString("MINUSCA"));
    }

    @Test
    void onlyEditorsAndAdminsCreateAndOnlyInsideTheirMissions() {
        as("reader")
                .body(mission(newAcronym(), "2024-01-01"))
                .post("/missions")
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
        as("conduct_officer")
                .body(mission(newAcronym(), "2024-01-01"))
                .post("/missions")
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
        asIn(List.of("MINUSCA"), "editor")
                .body(mission(newAcronym(), "2024-01-01"))
                .post("/missions")
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("outside the missions your token covers"));
    }

    @Test
    void statusMovesOnlyForward() {
        String acronym = createMission("2020-01-01");
        String path = "/missions/" + acronym;
        String etag =
                as("editor")
                        .contentType(MERGE_PATCH)
                        .header("If-Match", etagOf(path))
                        .body(Map.of("status", "transition"))
                        .patch(path)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("transition"))
                        .extract()
                        .header("ETag");
        etag =
                as("editor")
                        .contentType(MERGE_PATCH)
                        .header("If-Match", etag)
                        .body(Map.of("status", "closed", "end_date", "2024-06-30"))
                        .patch(path)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("closed"))
                        .body("end_date", equalTo("2024-06-30"))
                        .extract()
                        .header("ETag");
        as("editor")
                .contentType(MERGE_PATCH)
                .header("If-Match", etag)
                .body(Map.of("status", "active"))
                .patch(path)
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/invalid-transition"))
                .body("allowed", contains("closed"));
        as("reader").get(path).then().statusCode(200).body("status", equalTo("closed"));
    }

    @Test
    void replacesWithIfMatch() {
        String acronym = createMission("2020-01-01");
        String path = "/missions/" + acronym;
        Map<String, Object> update = new HashMap<>(mission(acronym, "2020-02-01"));
        update.remove("acronym");
        update.put("status", "active");
        update.put("headquarters", "Bambari");
        invalid("editor")
                .body(update)
                .put(path)
                .then()
                .statusCode(428)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/precondition-required"));
        as("editor")
                .header("If-Match", "\"41\"")
                .body(update)
                .put(path)
                .then()
                .statusCode(412)
                .contentType(PROBLEM_JSON)
                .header("ETag", equalTo("\"0\""));
        String etag =
                as("editor")
                        .header("If-Match", "\"0\"")
                        .body(update)
                        .put(path)
                        .then()
                        .statusCode(200)
                        .body("headquarters", equalTo("Bambari"))
                        .body("start_date", equalTo("2020-02-01"))
                        .extract()
                        .header("ETag");
        assertNotEquals("\"0\"", etag);
        as("reader").get(path).then().statusCode(200).header("ETag", equalTo(etag));
    }

    @Test
    void mergePatchClearsOptionalMembersWithNull() {
        String acronym = newAcronym();
        var body = new HashMap<>(mission(acronym, "2022-01-01"));
        body.put("host_territory", "Somewhere");
        body.put("mandate", Map.of("resolution", 2700, "adopted_on", "2023-06-01"));
        as("admin").body(body).post("/missions").then().statusCode(201);
        String path = "/missions/" + acronym;
        var patch = new HashMap<String, Object>();
        patch.put("host_territory", null);
        patch.put("mandate", null);
        patch.put("name", Map.of("en", "Renamed", "fr", "Renommée"));
        as("admin")
                .contentType(MERGE_PATCH)
                .header("If-Match", etagOf(path))
                .body(patch)
                .patch(path)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("host_territory", nullValue())
                .body("mandate", nullValue())
                .body("name.en", equalTo("Renamed"))
                .body("headquarters", equalTo("Bangui"));
    }

    @Test
    void mergePatchIsValidatedLikeAReplacement() {
        String acronym = createMission("2022-01-01");
        String path = "/missions/" + acronym;
        invalid("admin")
                .contentType(MERGE_PATCH)
                .header("If-Match", etagOf(path))
                .body(Map.of("headquarters", "", "colour", "blue"))
                .patch(path)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/colour"));
        invalid("admin")
                .contentType(MERGE_PATCH)
                .header("If-Match", etagOf(path))
                .body(Map.of("headquarters", "", "host_countries", List.of("abc")))
                .patch(path)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/headquarters", "/host_countries"));
        as("reader").get(path).then().statusCode(200).body("headquarters", equalTo("Bangui"));
    }

    @Test
    void aMissionWithAssessmentsCannotBeDeleted() {
        String acronym = createMission("2020-01-01");
        String path = "/missions/" + acronym;
        createAssessment(acronym, assessment("P1", "2020-Q2", "on_track", 70));
        as("admin")
                .header("If-Match", etagOf(path))
                .delete(path)
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("1 assessment(s)"));
        as("reader").get(path).then().statusCode(200);
    }

    @Test
    void aMissionNeededByOtherFeaturesNamesWhatHoldsIt() {
        String acronym = createMission("2019-01-01");
        String path = "/missions/" + acronym;
        createAssessment(acronym, assessment("P1", "2020-Q2", "on_track", 70));
        org.a4ptracker.support.Cases.create(
                org.a4ptracker.support.Cases.crime(
                        acronym,
                        "2021-06-14",
                        org.a4ptracker.support.Cases.pipeline(0, 0, 0, 0, 0, 0)));
        as("editor")
                .body(
                        Map.of(
                                "mission_acronym",
                                acronym,
                                "country_code",
                                "CAF",
                                "status",
                                "in_force",
                                "agreement",
                                Map.of(
                                        "type",
                                        "sofa",
                                        "signed_date",
                                        "2019-09-02",
                                        "in_force_date",
                                        "2019-09-02",
                                        "document_symbol",
                                        "SOFA/CAF/2019")))
                .post("/host-country-partnerships")
                .then()
                .statusCode(201);
        as("admin")
                .header("If-Match", etagOf(path))
                .delete(path)
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body(
                        "detail",
                        equalTo(
                                "Mission "
                                        + acronym
                                        + " still has 1 assessment(s), 1 accountability case(s),"
                                        + " 1 host-country partnership(s); close the mission instead of deleting it."));
        as("reader").get(path).then().statusCode(200);
    }

    @Test
    void deletesAMissionWithNothingAttached() {
        String acronym = createMission("2020-01-01");
        String path = "/missions/" + acronym;
        as("reader")
                .header("If-Match", etagOf(path))
                .delete(path)
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
        as("editor")
                .header("If-Match", "\"7\"")
                .delete(path)
                .then()
                .statusCode(412)
                .contentType(PROBLEM_JSON);
        as("editor").header("If-Match", etagOf(path)).delete(path).then().statusCode(204);
        as("reader").get(path).then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void callersSeeOnlyTheirMissions() {
        asIn(List.of("MINUSCA", "UNMISS"), "reader")
                .queryParam("limit", 200)
                .get("/missions")
                .then()
                .statusCode(200)
                .body("items.acronym", contains("MINUSCA", "UNMISS"));
        asIn(List.of("MINUSCA"), "reader")
                .get("/missions/MONUSCO")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("detail", equalTo("No mission MONUSCO."));
        asIn(List.of("MINUSCA"), "reader")
                .get("/missions/MONUSCO/assessments")
                .then()
                .statusCode(404);
        asIn(List.of("MINUSCA"), "reader").get("/missions/MONUSCO/progress").then().statusCode(404);
        asIn(List.of("MINUSCA"), "editor")
                .contentType(MERGE_PATCH)
                .header("If-Match", "\"0\"")
                .body(Map.of("headquarters", "Goma"))
                .patch("/missions/MONUSCO")
                .then()
                .statusCode(404);
        asIn(List.of(), "admin").get("/missions").then().statusCode(200).body("items", empty());
    }

    @Test
    void aCreationRetriedWithTheSameKeyIsReplayed() {
        String acronym = newAcronym();
        var first =
                as("editor")
                        .header("Idempotency-Key", "mission-" + acronym)
                        .body(mission(acronym, "2024-01-01"))
                        .post("/missions");
        first.then().statusCode(201);
        var second =
                as("editor")
                        .header("Idempotency-Key", "mission-" + acronym)
                        .body(mission(acronym, "2024-01-01"))
                        .post("/missions");
        second.then()
                .statusCode(201)
                .header("Location", equalTo(first.header("Location")))
                .header("ETag", equalTo(first.header("ETag")));
        assertEquals(first.asString(), second.asString());
        as("editor")
                .header("Idempotency-Key", "mission-" + acronym)
                .body(mission(acronym, "2024-02-01"))
                .post("/missions")
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/idempotency-key-reused"));
    }

    @Test
    void rejectsBadFilters() {
        invalid("reader")
                .queryParam("status", "paused")
                .get("/missions")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.parameter", hasItem("status"));
        invalid("reader")
                .queryParam("sort", "name")
                .get("/missions")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON);
        invalid("reader")
                .queryParam("host_country", "cf")
                .get("/missions")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.parameter", contains("host_country"));
        invalid("reader")
                .queryParam("started_after", "2021-13-45")
                .get("/missions")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON);
        as("reader")
                .queryParam("q", "%")
                .get("/missions")
                .then()
                .statusCode(200)
                .body("items", not(hasSize(12 + 1000)));
    }

    @Test
    void datesOutsideWhatCanBeStoredAreRejected() {
        as("admin")
                .body(mission(newAcronym(), "0000-06-01"))
                .post("/missions")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/start_date"))
                .body("errors[0].detail", containsString("between 0001-01-01 and 9999-12-31"));
        invalid("reader")
                .queryParam("started_after", "+10000-01-01")
                .get("/missions")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.parameter", contains("started_after"));
    }
}
