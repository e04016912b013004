package org.a4ptracker.platform.persistence;

import static org.a4ptracker.support.Api.as;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.a4ptracker.support.Api;
import org.a4ptracker.support.Cases;
import org.a4ptracker.support.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Reference data, redacted case views and case list pages come from memory, yet a change shows at
 * once: on this replica as soon as it commits, and when made by another replica as soon as it is
 * announced. A case changed behind the service's back with no announcement at all shows within the
 * cache's maximum age.
 */
@QuarkusTest
class ReadCacheTest {

    @Inject AgroalDataSource database;

    /**
     * Runs {@code sql} the way another replica (or an operator with psql) would: not through us.
     */
    private void behindTheService(String sql, String... parameters) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    private void changeBehindTheService(String acronym, String headquarters) throws Exception {
        behindTheService(
                "UPDATE mission SET headquarters = ?, version = version + 1 WHERE acronym = ?",
                headquarters,
                acronym);
    }

    private void changeCaseBehindTheService(String id, String status) throws Exception {
        behindTheService(
                "UPDATE accountability_case SET status = ?, version = version + 1"
                        + " WHERE id = CAST(? AS uuid)",
                status,
                id);
    }

    /** What another replica sends after committing a case write. */
    private void announceACaseChangeFromAnotherReplica() throws Exception {
        behindTheService("SELECT pg_notify('a4p_changed_accountability_case', 'another')");
    }

    private static String statusSeenByAReader(String caseId) {
        return as("reader")
                .get("/accountability-cases/" + caseId)
                .then()
                .statusCode(200)
                .extract()
                .path("status");
    }

    private static String awaitStatus(String caseId, String expected, long millis)
            throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        String seen = statusSeenByAReader(caseId);
        while (!seen.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            seen = statusSeenByAReader(caseId);
        }
        return seen;
    }

    private static String headquarters(String acronym) {
        return as("reader")
                .get("/missions/" + acronym)
                .then()
                .statusCode(200)
                .extract()
                .path("headquarters");
    }

    @Test
    void aMissionChangedBehindTheServiceIsSeenWithinASecond() throws Exception {
        String acronym = Fixtures.createMission("2020-01-01");
        assertEquals("Bangui", headquarters(acronym));
        assertEquals("Bangui", headquarters(acronym));

        changeBehindTheService(acronym, "Bria");

        long deadline = System.nanoTime() + 1_000_000_000L;
        String seen = headquarters(acronym);
        while (!seen.equals("Bria") && System.nanoTime() < deadline) {
            Thread.sleep(20);
            seen = headquarters(acronym);
        }
        assertEquals("Bria", seen);
    }

    @Test
    void aWriteIsReadBackAtOnce() {
        String acronym = Fixtures.createMission("2020-01-01");
        for (int i = 0; i < 10; i++) {
            String etag = as("reader").get("/missions/" + acronym).then().extract().header("ETag");
            Map<String, Object> body = new HashMap<>(Fixtures.mission(acronym, "2020-01-01"));
            body.remove("acronym");
            body.put("status", "active");
            body.put("headquarters", "HQ " + i);
            as("editor")
                    .header("If-Match", etag)
                    .body(body)
                    .put("/missions/" + acronym)
                    .then()
                    .statusCode(200);
            assertEquals("HQ " + i, headquarters(acronym));
        }
    }

    @Test
    void aCaseWrittenHereIsReadBackAtOnceInItsViewAndInTheList() {
        String mission = Fixtures.createMission("2020-01-01");
        String id = Cases.create(Cases.sea(mission, "2021-03-01"));
        String list = "/accountability-cases?mission=" + mission;
        assertEquals("reported", statusSeenByAReader(id));
        as("reader").get(list).then().statusCode(200).body("items", hasSize(1));

        for (String to : List.of("preliminary_assessment", "referred", "under_investigation")) {
            Cases.move(id, to);
            assertEquals(to, statusSeenByAReader(id));
            as("reader").get(list).then().statusCode(200).body("items[0].status", equalTo(to));
        }
        Cases.create(Cases.sea(mission, "2021-04-01"));
        as("reader").get(list).then().statusCode(200).body("items", hasSize(2));
    }

    @Test
    void aCaseChangedByAnotherReplicaIsSeenWhenItAnnouncesTheChange() throws Exception {
        String id = Cases.create(Cases.sea(Fixtures.createMission("2020-01-01"), "2021-03-01"));
        assertEquals("reported", statusSeenByAReader(id));
        assertEquals("reported", statusSeenByAReader(id));

        changeCaseBehindTheService(id, "referred");
        announceACaseChangeFromAnotherReplica();

        assertEquals("referred", awaitStatus(id, "referred", 1_000));
    }

    @Test
    void aCaseChangedWithNoAnnouncementIsSeenWithinTheMaximumAge() throws Exception {
        String id = Cases.create(Cases.sea(Fixtures.createMission("2020-01-01"), "2021-03-01"));
        assertEquals("reported", statusSeenByAReader(id));

        changeCaseBehindTheService(id, "referred");
        // Nobody announced it: the view held in memory is still answered for now...
        assertEquals("reported", statusSeenByAReader(id));

        // ...but not for longer than a4p.case-cache.max-age (2 s).
        assertEquals("referred", awaitStatus(id, "referred", 3_000));
    }

    @Test
    void aCaseHeldForOneCallerIsStillHiddenFromACallerOutsideItsMission() {
        String mission = Fixtures.createMission("2020-01-01");
        String id = Cases.create(Cases.sea(mission, "2021-03-01"));
        assertEquals("reported", statusSeenByAReader(id));
        as("reader").get("/accountability-cases").then().statusCode(200);

        Api.asIn(List.of("MINUSCA"), "reader")
                .get("/accountability-cases/" + id)
                .then()
                .statusCode(404);
        Api.asIn(List.of("MINUSCA"), "reader")
                .get("/accountability-cases?mission=" + mission)
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        as("reader").get("/accountability-cases?mission=" + mission).then().statusCode(200);
        Api.asIn(List.of(), "reader")
                .get("/accountability-cases?mission=" + mission)
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        Api.asIn(List.of(), "reader").get("/accountability-cases/" + id).then().statusCode(404);
    }

    @Test
    void aCurrentCopyIsRevalidatedWith304() {
        String acronym = Fixtures.createMission("2020-01-01");
        String etag =
                as("reader")
                        .get("/missions/" + acronym)
                        .then()
                        .statusCode(200)
                        .header("Cache-Control", equalTo("private, no-cache"))
                        .extract()
                        .header("ETag");
        as("reader")
                .header("If-None-Match", etag)
                .get("/missions/" + acronym)
                .then()
                .statusCode(304)
                .header("ETag", equalTo(etag))
                .header("Cache-Control", equalTo("private, no-cache"))
                .body(emptyString());
        as("reader")
                .header("If-None-Match", "\"other\", W/" + etag)
                .get("/missions/" + acronym)
                .then()
                .statusCode(304);
        as("reader")
                .header("If-None-Match", "\"999999\"")
                .get("/missions/" + acronym)
                .then()
                .statusCode(200)
                .body("acronym", equalTo(acronym));
    }

    /**
     * The first read loads the mission on a worker thread; the next ones are answered from memory
     * on the I/O thread (platform/http/MemoryAnswers). A caller sees no difference, and the role
     * and scope checks still apply to what is held.
     */
    @Test
    void aMissionHeldInMemoryIsAnsweredAsTheResourceAnswersIt() {
        String acronym = Fixtures.createMission("2020-01-01");
        io.restassured.response.Response loaded = as("reader").get("/missions/" + acronym);
        for (String role : List.of("reader", "editor", "conduct_officer", "admin")) {
            io.restassured.response.Response held = as(role).get("/missions/" + acronym);
            assertEquals(200, held.statusCode());
            assertEquals(loaded.contentType(), held.contentType());
            assertEquals(loaded.header("ETag"), held.header("ETag"));
            assertEquals(loaded.header("Cache-Control"), held.header("Cache-Control"));
            assertEquals(loaded.asString(), held.asString());
        }
        as("nobody").get("/missions/" + acronym).then().statusCode(403);
        Api.asIn(List.of("MINUSCA"), "reader")
                .get("/missions/" + acronym)
                .then()
                .statusCode(404)
                .header("ETag", org.hamcrest.Matchers.nullValue());
        Api.anonymous().get("/missions/" + acronym).then().statusCode(401);
        // Longer than the contract allows: refused as when nothing is held.
        Api.invalid("reader")
                .header("If-None-Match", "\"" + "x".repeat(1000) + "\"")
                .get("/missions/" + acronym)
                .then()
                .statusCode(400)
                .contentType(Api.PROBLEM_JSON);
    }

    @Test
    void aCaseHeldInMemoryIsAnsweredAsTheResourceAnswersItAndEveryFullReadIsLogged() {
        String id = Cases.create(Cases.sea(Fixtures.createMission("2020-01-01"), "2021-03-01"));
        for (String role : List.of("reader", "conduct_officer")) {
            io.restassured.response.Response loaded = as(role).get("/accountability-cases/" + id);
            io.restassured.response.Response held = as(role).get("/accountability-cases/" + id);
            assertEquals(200, held.statusCode());
            assertEquals(loaded.contentType(), held.contentType());
            assertEquals(loaded.header("ETag"), held.header("ETag"));
            assertEquals(loaded.asString(), held.asString());
        }
        // The same case by its id in capitals, and as it was: answered as before.
        as("reader")
                .get("/accountability-cases/" + id.toUpperCase(java.util.Locale.ROOT))
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        as("conduct_officer")
                .queryParam("as_of", java.time.OffsetDateTime.now().toString())
                .get("/accountability-cases/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        // The answer to the creation, two full reads of the current state and one of a past
        // state: each logged.
        List<String> views =
                as("admin")
                        .get("/accountability-cases/" + id + "/reads")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.view");
        assertEquals(
                List.of("as_of", "current", "current", "current"),
                views.stream().sorted().toList());
    }

    @Test
    void anIndicatorHeldInMemoryIsAnsweredAsTheResourceAnswersIt() {
        String id =
                org.a4ptracker.support.Indicators.create(
                                "P4",
                                org.a4ptracker.support.Indicators.input(
                                        org.a4ptracker.support.Indicators.uniqueCode("MEM")))
                        .jsonPath()
                        .getString("id");
        String path = org.a4ptracker.support.Indicators.path("P4", id);
        io.restassured.response.Response loaded = as("reader").get(path);
        io.restassured.response.Response held = as("reader").get(path);
        assertEquals(200, held.statusCode());
        assertEquals(loaded.contentType(), held.contentType());
        assertEquals(loaded.header("ETag"), held.header("ETag"));
        assertEquals(loaded.header("Cache-Control"), held.header("Cache-Control"));
        assertEquals(loaded.asString(), held.asString());
        as("reader").header("If-None-Match", held.header("ETag")).get(path).then().statusCode(304);
        // Held under P4 only: under another priority it is still not found.
        as("reader").get(org.a4ptracker.support.Indicators.path("P5", id)).then().statusCode(404);
    }

    @Test
    void prioritiesHeldInMemoryAreAnsweredAsTheResourceAnswersThem() {
        for (String path : List.of("/priorities", "/priorities/P4")) {
            for (String language : List.of("en", "fr")) {
                io.restassured.response.Response loaded =
                        as("reader").header("Accept-Language", language).get(path);
                io.restassured.response.Response held =
                        as("reader").header("Accept-Language", language).get(path);
                assertEquals(200, held.statusCode());
                assertEquals(loaded.contentType(), held.contentType());
                assertEquals(
                        loaded.headers().getValues("Content-Language"),
                        held.headers().getValues("Content-Language"));
                assertEquals(loaded.headers().getValues("Vary"), held.headers().getValues("Vary"));
                assertEquals(loaded.header("ETag"), held.header("ETag"));
                assertEquals(loaded.asString(), held.asString());
            }
        }
        as("reader")
                .accept("text/csv")
                .get("/priorities")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"));
        Api.invalid("reader").get("/priorities/P9").then().statusCode(400);
        Api.invalid("reader")
                .header("Accept-Language", "x".repeat(201))
                .get("/priorities/P4")
                .then()
                .statusCode(400)
                .contentType(Api.PROBLEM_JSON);
    }

    @Test
    void aMissionOutsideTheScopeIsNotRevealedByRevalidation() {
        String acronym = Fixtures.createMission("2020-01-01");
        String etag = Fixtures.etagOf("/missions/" + acronym);
        org.a4ptracker.support.Api.asIn(java.util.List.of("MINUSCA"), "reader")
                .header("If-None-Match", etag)
                .get("/missions/" + acronym)
                .then()
                .statusCode(404);
    }

    @Test
    void prioritiesHaveAnETagPerLanguageAndAnswer304() {
        String english =
                as("reader").get("/priorities").then().statusCode(200).extract().header("ETag");
        String french =
                as("reader")
                        .header("Accept-Language", "fr")
                        .get("/priorities")
                        .then()
                        .statusCode(200)
                        .header("Content-Language", "fr")
                        .extract()
                        .header("ETag");
        assertNotEquals(english, french);
        as("reader").header("If-None-Match", english).get("/priorities").then().statusCode(304);
        as("reader")
                .header("Accept-Language", "fr")
                .header("If-None-Match", english)
                .get("/priorities")
                .then()
                .statusCode(200);
        String p5 =
                as("reader").get("/priorities/P5").then().statusCode(200).extract().header("ETag");
        as("reader").header("If-None-Match", p5).get("/priorities/P5").then().statusCode(304);
        as("reader")
                .header("If-None-Match", p5)
                .get("/priorities/P6")
                .then()
                .statusCode(200)
                .header("ETag", not(equalTo(p5)));
    }
}
