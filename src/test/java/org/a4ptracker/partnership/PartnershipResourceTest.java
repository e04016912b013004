package org.a4ptracker.partnership;

import static org.a4ptracker.partnership.PartnershipFixtures.BASE;
import static org.a4ptracker.partnership.PartnershipFixtures.commitment;
import static org.a4ptracker.partnership.PartnershipFixtures.create;
import static org.a4ptracker.partnership.PartnershipFixtures.createPartnership;
import static org.a4ptracker.partnership.PartnershipFixtures.focalPoint;
import static org.a4ptracker.partnership.PartnershipFixtures.partnership;
import static org.a4ptracker.support.Api.PROBLEM_JSON;
import static org.a4ptracker.support.Api.anonymous;
import static org.a4ptracker.support.Api.as;
import static org.a4ptracker.support.Api.asIn;
import static org.a4ptracker.support.Api.invalid;
import static org.a4ptracker.support.Fixtures.createMission;
import static org.a4ptracker.support.Fixtures.etagOf;
import static org.a4ptracker.support.Fixtures.mission;
import static org.a4ptracker.support.Fixtures.newAcronym;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PartnershipResourceTest {

    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

    private static String twoCountryMission() {
        String acronym = newAcronym();
        var body = new HashMap<>(mission(acronym, "2011-06-27"));
        body.put("host_countries", List.of("SDN", "SSD"));
        body.put("host_territory", "Abyei");
        as("admin").body(body).post("/missions").then().statusCode(201);
        return acronym;
    }

    private static Map<String, Object> update(String status) {
        var body = new HashMap<>(partnership("IGNORED", "CAF"));
        body.remove("mission_acronym");
        body.remove("country_code");
        body.put("status", status);
        return body;
    }

    @Test
    void createsAPartnershipWithLocationAndETag() {
        String mission = createMission("2014-04-10");
        var body = new HashMap<>(partnership(mission, "CAF"));
        body.put(
                "transition_plan",
                Map.of(
                        "phase",
                        "planning",
                        "benchmarks",
                        List.of(
                                Map.of(
                                        "indicator",
                                        "Prefectures with redeployed state administration",
                                        "target",
                                        "16 of 16",
                                        "current_value",
                                        "11 of 16",
                                        "status",
                                        "on_track"))));
        String location =
                as("editor")
                        .body(body)
                        .post(BASE)
                        .then()
                        .statusCode(201)
                        .header("Location", containsString(BASE + "/"))
                        .header("ETag", equalTo("\"0\""))
                        .body("id", notNullValue())
                        .body("mission_acronym", equalTo(mission))
                        .body("country_code", equalTo("CAF"))
                        .body("status", equalTo("in_force"))
                        .body("agreement.type", equalTo("sofa"))
                        .body("agreement.in_force_date", equalTo("2014-09-02"))
                        .body(
                                "focal_points[0].contact_channel",
                                equalTo("Note verbale through the Office of the SRSG"))
                        .body(
                                "resolution_2589_focal_point.function",
                                equalTo("Focal point for crimes against peacekeepers"))
                        .body("transition_plan.benchmarks[0].current_value", equalTo("11 of 16"))
                        .extract()
                        .header("Location");
        as("conduct_officer")
                .get(location)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("transition_plan.phase", equalTo("planning"))
                .body("agreement.document_symbol", equalTo("SOFA/CAF/2014"));
    }

    @Test
    void statusDefaultsToNegotiatingAndOptionalPartsMayBeAbsent() {
        String mission = createMission("2014-04-10");
        var body =
                Map.of(
                        "mission_acronym",
                        mission,
                        "country_code",
                        "CAF",
                        "agreement",
                        Map.of("type", "soma"));
        as("admin")
                .body(body)
                .post(BASE)
                .then()
                .statusCode(201)
                .body("status", equalTo("negotiating"))
                .body("focal_points", empty())
                .body("resolution_2589_focal_point", nullValue())
                .body("transition_plan", nullValue());
    }

    @Test
    void refusesASecondPartnershipForTheSameMissionAndCountry() {
        String mission = createMission("2014-04-10");
        createPartnership(mission);
        as("editor")
                .body(partnership(mission, "CAF"))
                .post(BASE)
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/conflict"))
                .body(
                        "detail",
                        equalTo("Mission " + mission + " already has a partnership with CAF."));
    }

    @Test
    void concurrentDuplicatesGiveOneCreationAndConflictsNeverAServerError() throws Exception {
        String mission = createMission("2019-01-01");
        java.util.concurrent.Callable<Integer> post =
                () ->
                        as("editor")
                                .body(partnership(mission, "CAF"))
                                .post(BASE)
                                .then()
                                .extract()
                                .statusCode();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        List<Integer> statuses = new java.util.ArrayList<>();
        try {
            for (var answer : pool.invokeAll(java.util.Collections.nCopies(6, post))) {
                statuses.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(5, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        as("reader")
                .queryParam("mission", mission)
                .get(BASE)
                .then()
                .statusCode(200)
                .body("items", hasSize(1));
    }

    @Test
    void aMissionWithTwoHostCountriesHasOnePartnershipWithEach() {
        String mission = twoCountryMission();
        createPartnership(partnership(mission, "SDN"));
        createPartnership(partnership(mission, "SSD"));
        as("reader")
                .queryParam("mission", mission)
                .get(BASE)
                .then()
                .statusCode(200)
                .body("items.country_code", contains("SDN", "SSD"));
    }

    @Test
    void rejectsAnUnknownCountryAndOneThatIsNotAHost() {
        String mission = createMission("2014-04-10");
        as("editor")
                .body(partnership(mission, "XKX"))
                .post(BASE)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/validation-error"))
                .body("errors.pointer", contains("/country_code"))
                .body("errors[0].detail", equalTo("is not an ISO 3166-1 alpha-3 country code"));
        as("editor")
                .body(partnership(mission, "FRA"))
                .post(BASE)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/country_code"))
                .body(
                        "errors[0].detail",
                        equalTo("is not a host country of mission " + mission + " (CAF)"));
        invalid("editor")
                .body(partnership(mission, "caf"))
                .post(BASE)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/country_code"));
        as("reader")
                .queryParam("mission", mission)
                .get(BASE)
                .then()
                .statusCode(200)
                .body("items", empty());
    }

    @Test
    void theAgreementCannotEnterIntoForceBeforeItIsSigned() {
        String mission = createMission("2014-04-10");
        var body = new HashMap<>(partnership(mission, "CAF"));
        body.put(
                "agreement",
                Map.of("type", "sofa", "signed_date", "2014-09-02", "in_force_date", "2014-08-31"));
        as("editor")
                .body(body)
                .post(BASE)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/agreement/in_force_date"))
                .body("errors[0].detail", equalTo("must not be before signed_date"));
        String path = createPartnership(mission);
        var replacement = update("in_force");
        replacement.put(
                "agreement",
                Map.of("type", "sofa", "signed_date", "2015-01-10", "in_force_date", "2015-01-09"));
        as("editor")
                .header("If-Match", etagOf(path))
                .body(replacement)
                .put(path)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/agreement/in_force_date"));
        as("editor")
                .contentType(MERGE_PATCH)
                .header("If-Match", etagOf(path))
                .body(Map.of("agreement", Map.of("signed_date", "2014-09-03")))
                .patch(path)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/agreement/in_force_date"));
    }

    @Test
    void rejectsMalformedBodiesWithPointers() {
        String mission = createMission("2014-04-10");
        var body = new HashMap<>(partnership(mission, "CAF"));
        body.put(
                "focal_points",
                List.of(
                        Map.of(
                                "function",
                                "Liaison officer",
                                "organisation",
                                "Ministry of Defence",
                                "contact_channel",
                                "Weekly meeting",
                                "phone",
                                "+236 00 00 00 00")));
        invalid("editor")
                .body(body)
                .post(BASE)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/focal_points/0/phone"));
        var badStatus = new HashMap<>(partnership(mission, "CAF"));
        badStatus.put("status", "dormant");
        invalid("editor")
                .body(badStatus)
                .post(BASE)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/status"));
        var badType = new HashMap<>(partnership(mission, "CAF"));
        badType.put("agreement", Map.of("type", "treaty", "signed_date", "2014-09-02"));
        invalid("editor")
                .body(badType)
                .post(BASE)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/agreement/type"));
    }

    @Test
    void theMissionMustExistAndBeVisible() {
        as("editor")
                .body(partnership("NOSUCHMISSN", "CAF"))
                .post(BASE)
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("detail", equalTo("No mission NOSUCHMISSN."));
        String mission = createMission("2014-04-10");
        asIn(List.of("MINUSCA"), "editor")
                .body(partnership(mission, "CAF"))
                .post(BASE)
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("detail", equalTo("No mission " + mission + "."));
        asIn(List.of(mission), "editor")
                .body(partnership(mission, "CAF"))
                .post(BASE)
                .then()
                .statusCode(201);
    }

    @Test
    void callersSeeOnlyPartnershipsOfTheirMissions() {
        String mine = createMission("2014-04-10");
        String theirs = createMission("2014-04-10");
        String minePath = createPartnership(mine);
        String theirPath = createPartnership(theirs);
        asIn(List.of(mine), "reader")
                .queryParam("limit", 200)
                .get(BASE)
                .then()
                .statusCode(200)
                .body("items.mission_acronym", contains(mine));
        asIn(List.of(mine), "reader")
                .queryParam("mission", theirs)
                .get(BASE)
                .then()
                .statusCode(200)
                .body("items", empty());
        asIn(List.of(mine), "reader").get(minePath).then().statusCode(200);
        asIn(List.of(mine), "reader")
                .get(theirPath)
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body(
                        "detail",
                        equalTo(
                                "No host-country partnership "
                                        + theirPath.substring(BASE.length() + 1)
                                        + "."));
        asIn(List.of(mine), "reader")
                .get(theirPath + "/summary")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
        asIn(List.of(mine), "reader")
                .get(theirPath + "/history")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
        asIn(List.of(mine), "reader")
                .get(theirPath + "/commitments")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
        asIn(List.of(mine), "reader")
                .get(theirPath + "/violations")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
        asIn(List.of(mine), "editor")
                .header("If-Match", "\"0\"")
                .body(update("suspended"))
                .put(theirPath)
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
        asIn(List.of(mine), "editor")
                .header("If-Match", "\"0\"")
                .delete(theirPath)
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
        as("reader").get(theirPath).then().statusCode(200).body("status", equalTo("in_force"));
        as("reader")
                .get(BASE + "/00000000-0000-4000-8000-000000000000")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void readersReadAndOnlyEditorsAndAdminsWrite() {
        String mission = createMission("2014-04-10");
        as("reader")
                .body(partnership(mission, "CAF"))
                .post(BASE)
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
        as("conduct_officer")
                .body(partnership(mission, "CAF"))
                .post(BASE)
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
        String path = createPartnership(mission);
        for (String role : List.of("reader", "editor", "conduct_officer", "admin")) {
            as(role).get(path).then().statusCode(200);
            as(role).get(path + "/summary").then().statusCode(200);
        }
        as("reader")
                .header("If-Match", "\"0\"")
                .body(update("suspended"))
                .put(path)
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/forbidden"));
        as("conduct_officer")
                .contentType(MERGE_PATCH)
                .header("If-Match", "\"0\"")
                .body(Map.of("status", "suspended"))
                .patch(path)
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
        as("reader")
                .header("If-Match", "\"0\"")
                .delete(path)
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
        as("guest").get(path).then().statusCode(403).contentType(PROBLEM_JSON);
        anonymous()
                .get(BASE)
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", "Bearer");
        as("admin")
                .header("If-Match", "\"0\"")
                .body(update("suspended"))
                .put(path)
                .then()
                .statusCode(200)
                .body("status", equalTo("suspended"));
    }

    @Test
    void replacesWithIfMatchAndClearsWhatIsLeftOut() {
        String path = createPartnership(createMission("2014-04-10"));
        var body = update("suspended");
        body.remove("resolution_2589_focal_point");
        body.put(
                "focal_points",
                List.of(
                        focalPoint("Minister of Defence's chief of staff"),
                        focalPoint("Police liaison")));
        invalid("editor")
                .body(body)
                .put(path)
                .then()
                .statusCode(428)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/precondition-required"));
        as("editor")
                .header("If-Match", "\"9\"")
                .body(body)
                .put(path)
                .then()
                .statusCode(412)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/precondition-failed"))
                .header("ETag", equalTo("\"0\""));
        String etag =
                as("editor")
                        .header("If-Match", "\"0\"")
                        .body(body)
                        .put(path)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("suspended"))
                        .body(
                                "focal_points.function",
                                contains("Minister of Defence's chief of staff", "Police liaison"))
                        .body("resolution_2589_focal_point", nullValue())
                        .extract()
                        .header("ETag");
        assertNotEquals("\"0\"", etag);
        as("reader").get(path).then().statusCode(200).header("ETag", equalTo(etag));
        as("editor")
                .header("If-Match", "\"0\"")
                .body(body)
                .put(path)
                .then()
                .statusCode(412)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void mergePatchChangesOnlyWhatItNames() {
        String path = createPartnership(createMission("2014-04-10"));
        var patch = new HashMap<String, Object>();
        patch.put("status", "terminated");
        patch.put("resolution_2589_focal_point", null);
        patch.put("agreement", Map.of("title", "Status-of-forces agreement"));
        patch.put(
                "transition_plan",
                Map.of(
                        "phase",
                        "handover",
                        "benchmarks",
                        List.of(
                                Map.of(
                                        "indicator",
                                        "Security handed over to national police",
                                        "target",
                                        "all prefectures",
                                        "status",
                                        "at_risk"))));
        invalid("editor")
                .contentType(MERGE_PATCH)
                .body(patch)
                .patch(path)
                .then()
                .statusCode(428)
                .contentType(PROBLEM_JSON);
        as("editor")
                .contentType(MERGE_PATCH)
                .header("If-Match", etagOf(path))
                .body(patch)
                .patch(path)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("status", equalTo("terminated"))
                .body("resolution_2589_focal_point", nullValue())
                .body("agreement.title", equalTo("Status-of-forces agreement"))
                .body("agreement.signed_date", equalTo("2014-09-02"))
                .body("focal_points", hasSize(1))
                .body("transition_plan.benchmarks[0].status", equalTo("at_risk"));
        invalid("editor")
                .contentType(MERGE_PATCH)
                .header("If-Match", etagOf(path))
                .body(Map.of("status", "paused"))
                .patch(path)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/status"));
        invalid("editor")
                .contentType(MERGE_PATCH)
                .header("If-Match", etagOf(path))
                .body(Map.of("country_code", "SSD"))
                .patch(path)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/country_code"));
        as("reader")
                .get(path)
                .then()
                .statusCode(200)
                .body("country_code", equalTo("CAF"))
                .body("status", equalTo("terminated"));
    }

    @Test
    void filtersByMissionCountryStatusAndAgreementTypeAndPages() {
        String mission = twoCountryMission();
        createPartnership(partnership(mission, "SDN"));
        var mou = new HashMap<>(partnership(mission, "SSD"));
        mou.put("status", "negotiating");
        mou.put("agreement", Map.of("type", "mou"));
        createPartnership(mou);
        as("reader")
                .queryParam("mission", mission)
                .queryParam("status", "negotiating")
                .get(BASE)
                .then()
                .statusCode(200)
                .body("items.country_code", contains("SSD"));
        as("reader")
                .queryParam("mission", mission)
                .queryParam("agreement_type", "sofa")
                .get(BASE)
                .then()
                .statusCode(200)
                .body("items.country_code", contains("SDN"));
        as("reader")
                .queryParam("mission", mission)
                .queryParam("country", "SSD")
                .get(BASE)
                .then()
                .statusCode(200)
                .body("items.agreement.type", contains("mou"));
        var first = as("reader").queryParam("mission", mission).queryParam("limit", 1).get(BASE);
        first.then()
                .statusCode(200)
                .body("items.country_code", contains("SDN"))
                .body("next_cursor", notNullValue());
        as("reader")
                .queryParam("mission", mission)
                .queryParam("limit", 1)
                .queryParam("cursor", first.path("next_cursor").toString())
                .get(BASE)
                .then()
                .statusCode(200)
                .body("items.country_code", contains("SSD"))
                .body("next_cursor", nullValue());
        invalid("reader")
                .queryParam("country", "Sudan")
                .get(BASE)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.parameter", contains("country"));
        as("reader")
                .queryParam("cursor", "bm90LWEtY3Vyc29y")
                .get(BASE)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.parameter", contains("cursor"));
    }

    @Test
    void aPartnershipWithCommitmentsCannotBeDeleted() {
        String path = createPartnership(createMission("2014-04-10"));
        String commitment =
                create(
                        path,
                        "commitments",
                        commitment("Joint patrols on the main supply route", null, null));
        as("editor")
                .header("If-Match", etagOf(path))
                .delete(path)
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("still has 1 commitment(s)"));
        as("editor")
                .header("If-Match", etagOf(commitment))
                .delete(commitment)
                .then()
                .statusCode(204);
        invalid("editor").delete(path).then().statusCode(428).contentType(PROBLEM_JSON);
        as("editor")
                .header("If-Match", "\"3\"")
                .delete(path)
                .then()
                .statusCode(412)
                .contentType(PROBLEM_JSON);
        as("editor").header("If-Match", etagOf(path)).delete(path).then().statusCode(204);
        as("reader").get(path).then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void aCreationRetriedWithTheSameKeyIsReplayed() {
        String mission = createMission("2014-04-10");
        String key = "partnership-" + mission;
        var first =
                as("editor")
                        .header("Idempotency-Key", key)
                        .body(partnership(mission, "CAF"))
                        .post(BASE);
        first.then().statusCode(201);
        var second =
                as("editor")
                        .header("Idempotency-Key", key)
                        .body(partnership(mission, "CAF"))
                        .post(BASE);
        second.then()
                .statusCode(201)
                .header("Location", equalTo(first.header("Location")))
                .header("ETag", equalTo(first.header("ETag")));
        assertEquals(first.asString(), second.asString());
        as("reader")
                .queryParam("mission", mission)
                .get(BASE)
                .then()
                .statusCode(200)
                .body("items", hasSize(1));
        var other = new HashMap<>(partnership(mission, "CAF"));
        other.put("status", "suspended");
        as("editor")
                .header("Idempotency-Key", key)
                .body(other)
                .post(BASE)
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/idempotency-key-reused"));
    }

    @Test
    void historyListsTheRevisionsOldestFirstWithTheirChanges() {
        String path = createPartnership(createMission("2014-04-10"));
        as("admin")
                .contentType(MERGE_PATCH)
                .header("If-Match", "\"0\"")
                .body(Map.of("status", "suspended"))
                .patch(path)
                .then()
                .statusCode(200);
        as("editor")
                .contentType(MERGE_PATCH)
                .header("If-Match", "\"1\"")
                .body(
                        Map.of(
                                "transition_plan",
                                Map.of("phase", "drawdown"),
                                "agreement",
                                Map.of("document_symbol", "S/2024/1")))
                .patch(path)
                .then()
                .statusCode(200);
        var history = as("reader").get(path + "/history");
        history.then()
                .statusCode(200)
                .body("items", hasSize(3))
                .body("items.change", contains("created", "updated", "updated"))
                .body("items.actor", contains("test-editor", "test-admin", "test-editor"))
                .body("items.status", contains("in_force", "suspended", "suspended"))
                .body("items.at", everyItem(notNullValue()))
                .body(
                        "items[0].changed_fields",
                        contains(
                                "mission_acronym",
                                "country_code",
                                "status",
                                "agreement",
                                "focal_points",
                                "resolution_2589_focal_point"))
                .body("items[1].changed_fields", contains("status"))
                .body("items[2].changed_fields", contains("agreement", "transition_plan"))
                .body("next_cursor", nullValue());
        List<Number> revisions = history.path("items.revision");
        assertTrue(
                revisions.get(0).longValue() < revisions.get(1).longValue()
                        && revisions.get(1).longValue() < revisions.get(2).longValue(),
                revisions.toString());
        var page = as("reader").queryParam("limit", 2).get(path + "/history");
        page.then()
                .statusCode(200)
                .body("items.change", contains("created", "updated"))
                .body("next_cursor", notNullValue());
        as("reader")
                .queryParam("limit", 2)
                .queryParam("cursor", page.path("next_cursor").toString())
                .get(path + "/history")
                .then()
                .statusCode(200)
                .body("items.change", contains("updated"))
                .body("items[0].changed_fields", contains("agreement", "transition_plan"))
                .body("next_cursor", nullValue());
    }

    @Test
    void historyPagedOneByOneGivesEveryRevisionOnceInOrderWithOnlyItsOwnChanges() {
        String path = createPartnership(createMission("2014-04-10"));
        patch(path, "admin", Map.of("status", "suspended"));
        patch(
                path,
                "editor",
                Map.of(
                        "transition_plan",
                        Map.of("phase", "drawdown"),
                        "agreement",
                        Map.of("document_symbol", "S/2024/1")));
        var focalPoints = new HashMap<String, Object>();
        focalPoints.put(
                "focal_points",
                List.of(focalPoint("Police liaison"), focalPoint("Gendarmerie liaison")));
        focalPoints.put("resolution_2589_focal_point", null);
        patch(path, "editor", focalPoints);
        patch(path, "admin", Map.of("status", "in_force"));

        List<Map<String, Object>> paged = new java.util.ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 10; pages++) {
            var request = as("reader").queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var response = request.get(path + "/history");
            response.then().statusCode(200).body("items", hasSize(1));
            paged.add(response.path("items[0]"));
            cursor = response.path("next_cursor");
            if (cursor == null) {
                break;
            }
        }
        assertNull(cursor, "the history ends");

        List<Map<String, Object>> whole =
                as("reader")
                        .get(path + "/history")
                        .then()
                        .statusCode(200)
                        .body("next_cursor", nullValue())
                        .extract()
                        .path("items");
        assertEquals(whole, paged, "one page at a time gives what one page gives");
        List<Long> revisions =
                paged.stream().map(e -> ((Number) e.get("revision")).longValue()).toList();
        assertEquals(
                revisions.stream().sorted().distinct().toList(),
                revisions,
                "each revision once, oldest first");
        assertEquals(
                List.of("created", "updated", "updated", "updated", "updated"),
                paged.stream().map(e -> e.get("change")).toList());
        assertEquals(
                List.of("in_force", "suspended", "suspended", "suspended", "in_force"),
                paged.stream().map(e -> e.get("status")).toList());
        assertEquals(
                List.of(
                        List.of(
                                "mission_acronym",
                                "country_code",
                                "status",
                                "agreement",
                                "focal_points",
                                "resolution_2589_focal_point"),
                        List.of("status"),
                        List.of("agreement", "transition_plan"),
                        List.of("focal_points", "resolution_2589_focal_point"),
                        List.of("status")),
                paged.stream().map(e -> e.get("changed_fields")).toList());
    }

    private static void patch(String path, String role, Map<String, Object> patch) {
        as(role).contentType(MERGE_PATCH)
                .header("If-Match", etagOf(path))
                .body(patch)
                .patch(path)
                .then()
                .statusCode(200);
    }
}
