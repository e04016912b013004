package org.a4ptracker.events;

import static org.a4ptracker.support.Api.as;
import static org.a4ptracker.support.Api.asIn;
import static org.a4ptracker.support.Api.invalid;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.a4ptracker.api.model.EventType;
import org.a4ptracker.support.Cases;
import org.a4ptracker.support.CsvText;
import org.a4ptracker.support.Fixtures;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** GET /events: what a consumer of the change feed sees. */
@QuarkusTest
class EventFeedTest {

    @Inject ChangeEvents changeEvents;
    @Inject EventRetention retention;
    @Inject EntityManager em;

    /** The cursor after every event of {@code mission} committed so far. */
    private static String end(String mission) {
        String cursor = null;
        while (true) {
            JsonPath page = read(cursor, "missions=" + mission + "&limit=200");
            cursor = page.getString("next_cursor");
            if (page.getList("items").isEmpty()) {
                return cursor;
            }
        }
    }

    private static JsonPath read(String after, String query) {
        String path = "/events?" + query + (after == null ? "" : "&after=" + after);
        return as("reader").get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aChangeAppearsOnceWithReferencesOnly() {
        String mission = Fixtures.createMission("2019-01-01");
        String caseId = Cases.create(Cases.sea(mission, "2024-03-04"));
        String etag = Cases.move(caseId, "preliminary_assessment");

        JsonPath page = read(null, "missions=" + mission);
        List<String> types = page.getList("items.type");
        assertEquals(
                List.of(
                        "org.a4ptracker.mission.created",
                        "org.a4ptracker.case.created",
                        "org.a4ptracker.case.status_changed"),
                types);
        Map<String, Object> moved = page.getMap("items[2]");
        assertEquals("1.0", moved.get("specversion"));
        assertEquals("/a4p-tracker", moved.get("source"));
        assertEquals("/accountability-cases/" + caseId, moved.get("subject"));
        assertEquals("application/json", moved.get("datacontenttype"));
        Map<String, Object> data = page.getMap("items[2].data");
        assertEquals(caseId, data.get("case_id"));
        assertEquals(mission, data.get("mission_acronym"));
        assertEquals(etag, data.get("etag"));
        assertTrue(((List<?>) data.get("changed_fields")).contains("status"));
        // References only: no victim, subject or free-text values anywhere in the event.
        String text = page.prettify();
        for (String secret : List.of("PAK", "female", "minor", "Test moves the case")) {
            assertTrue(!text.contains(secret), "event text holds " + secret);
        }
    }

    @Test
    void removingAVictimIsAnErasureEvent() {
        String mission = Fixtures.createMission("2019-01-01");
        String caseId = Cases.create(Cases.sea(mission, "2024-03-04"));
        String etag = Fixtures.etagOf("/accountability-cases/" + caseId);
        String newEtag =
                as("conduct_officer")
                        .contentType("application/merge-patch+json; charset=UTF-8")
                        .header("If-Match", etag)
                        .body(
                                Map.of(
                                        "misconduct",
                                        Map.of(
                                                "victims",
                                                List.of(Cases.victim("female", "adult")))))
                        .patch("/accountability-cases/" + caseId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("ETag");

        JsonPath page =
                read(null, "missions=" + mission + "&types=org.a4ptracker.case.victim_data_erased");
        assertEquals(List.of("/accountability-cases/" + caseId), page.getList("items.subject"));
        assertEquals(newEtag, page.getString("items[0].data.etag"));
        assertEquals(
                List.of("misconduct.victim_counts", "misconduct.victims"),
                page.getList("items[0].data.changed_fields"));
    }

    @Test
    void aCallerSeesOnlyEventsOfItsMissions() {
        String mine = Fixtures.createMission("2019-01-01");
        String other = Fixtures.createMission("2019-01-01");
        Cases.create(Cases.sea(other, "2024-03-04"));
        Cases.create(Cases.sea(mine, "2024-03-04"));

        String cursor = null;
        List<String> missions = new ArrayList<>();
        while (true) {
            JsonPath page =
                    asIn(List.of(mine), "reader")
                            .get("/events?limit=200" + (cursor == null ? "" : "&after=" + cursor))
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath();
            if (page.getList("items").isEmpty()) {
                break;
            }
            missions.addAll(page.getList("items.data.mission_acronym"));
            cursor = page.getString("next_cursor");
        }
        assertTrue(missions.contains(mine));
        assertTrue(!missions.contains(other), "an event of another mission was returned");
        // Asking for the other mission by name gives nothing either.
        asIn(List.of(mine), "reader")
                .get("/events?missions=" + other)
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void aRolledBackChangeWritesNoEvent() {
        String mission = Fixtures.createMission("2019-01-01");
        String start = end(mission);
        QuarkusTransaction.begin();
        record(mission, "rolled-back");
        QuarkusTransaction.rollback();
        // A refused write (stale If-Match) writes none either.
        as("admin")
                .header("If-Match", "\"999\"")
                .contentType("application/merge-patch+json")
                .body(Map.of("headquarters", "Bria"))
                .patch("/missions/" + mission)
                .then()
                .statusCode(412);
        QuarkusTransaction.requiringNew().run(() -> record(mission, "committed"));

        JsonPath page = read(start, "missions=" + mission);
        assertEquals(List.of("/missions/" + mission + "/committed"), page.getList("items.subject"));
    }

    @Test
    void concurrentWritersNeverMakeAPagingReaderSkip() throws Exception {
        String mission = Fixtures.createMission("2019-01-01");
        String start = end(mission);
        int writers = 8;
        int perWriter = 25;
        ConcurrentLinkedQueue<String> committed = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<CompletableFuture<Void>> writing = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            writing.add(
                    CompletableFuture.runAsync(
                            () -> {
                                for (int i = 0; i < perWriter; i++) {
                                    String name = writer + "-" + i;
                                    // Each transaction holds its event a while before committing,
                                    // so later transactions often commit first.
                                    QuarkusTransaction.requiringNew()
                                            .run(
                                                    () -> {
                                                        record(mission, name);
                                                        sleep(
                                                                ThreadLocalRandom.current()
                                                                        .nextInt(25));
                                                    });
                                    committed.add("/missions/" + mission + "/" + name);
                                }
                            },
                            pool));
        }
        List<String> seen = new ArrayList<>();
        String cursor = start;
        CompletableFuture<Void> all =
                CompletableFuture.allOf(writing.toArray(CompletableFuture[]::new));
        while (true) {
            boolean done = all.isDone();
            JsonPath page = read(cursor, "missions=" + mission + "&limit=7");
            seen.addAll(page.getList("items.subject"));
            cursor = page.getString("next_cursor");
            if (done && page.getList("items").isEmpty()) {
                break;
            }
        }
        all.get(1, TimeUnit.MINUTES);
        pool.shutdown();
        assertEquals(writers * perWriter, seen.size(), "every event seen exactly once");
        assertEquals(new HashSet<>(committed), new HashSet<>(seen));
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no event seen twice");
    }

    @Test
    void aLongPollAnswersAsSoonAsAnEventArrives() throws Exception {
        String mission = Fixtures.createMission("2019-01-01");
        String start = end(mission);
        long began = System.nanoTime();
        CompletableFuture<JsonPath> poll =
                CompletableFuture.supplyAsync(
                        () -> read(start, "missions=" + mission + "&wait=25"));
        Thread.sleep(700);
        assertTrue(!poll.isDone(), "the long-poll waits while nothing happens");
        QuarkusTransaction.requiringNew().run(() -> record(mission, "woken"));
        JsonPath page = poll.get(10, TimeUnit.SECONDS);
        long tookMillis = (System.nanoTime() - began) / 1_000_000;
        assertEquals(List.of("/missions/" + mission + "/woken"), page.getList("items.subject"));
        assertTrue(tookMillis < 5_000, "answered after " + tookMillis + " ms");
    }

    @Test
    void otherReplicasHearOfACommitFromTheServiceNotFromTheWritingTransaction() throws Exception {
        try (Connection other = otherReplicasConnection();
                Statement statement = other.createStatement()) {
            statement.execute("LISTEN a4p_events");
            PGConnection listener = other.unwrap(PGConnection.class);
            String mission = Fixtures.createMission("2019-01-01");
            Thread.sleep(200);
            listener.getNotifications(1);
            QuarkusTransaction.requiringNew().run(() -> record(mission, "announced"));
            PGNotification[] heard = listener.getNotifications(1_000);
            assertTrue(heard != null && heard.length >= 1, "announced after the commit");
            assertTrue(
                    heard[0].getParameter().matches("[0-9a-f-]{36}"),
                    "the announcing replica's id: " + heard[0].getParameter());
            // The writing transaction does not notify (notifying writers commit in single file).
            statement.execute(
                    "INSERT INTO event (type, subject, data)"
                            + " VALUES ('org.a4ptracker.mission.updated', '/missions/X', '{}')");
            PGNotification[] after = listener.getNotifications(600);
            assertEquals(
                    0,
                    after == null ? 0 : after.length,
                    "an event written outside the service announces nothing by itself");
        }
    }

    private static Connection otherReplicasConnection() throws Exception {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
    }

    @Test
    void theFeedInCsvIsEveryEventAfterTheCursorInTheCallersScope() {
        String mission = Fixtures.createMission("2019-01-01");
        String start = end(mission);
        List<String> names = List.of("one", "two", "three", "four");
        QuarkusTransaction.requiringNew().run(() -> names.forEach(n -> record(mission, n)));
        long began = System.nanoTime();
        io.restassured.response.Response csv =
                asIn(List.of(mission), "reader")
                        .accept("text/csv")
                        .queryParam("after", start)
                        .queryParam("limit", 1)
                        .queryParam("wait", 20)
                        .get("/events");
        csv.then().statusCode(200).header("Vary", equalTo("Accept"));
        assertTrue((System.nanoTime() - began) / 1_000_000 < 10_000, "a CSV does not wait");
        List<Map<String, String>> rows = CsvText.records(csv.asString());
        assertEquals(
                names.stream().map(n -> "/missions/" + mission + "/" + n).toList(),
                rows.stream().map(r -> r.get("subject")).toList(),
                "every event after the cursor, in order, across the 3-row CSV batches");
        assertEquals(mission, rows.get(0).get("data.mission_acronym"));
        assertEquals("[\"name\"]", rows.get(0).get("data.changed_fields"));
        String outside = Fixtures.createMission("2019-01-01");
        assertEquals(
                List.of(),
                CsvText.records(
                        asIn(List.of(outside), "reader")
                                .accept("text/csv")
                                .queryParam("after", start)
                                .queryParam("missions", mission)
                                .get("/events")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString()),
                "no event of a mission outside the token");
    }

    @Test
    void aLongPollWithNothingNewAnswersEmptyWhenTimeIsUp() {
        String mission = Fixtures.createMission("2019-01-01");
        String start = end(mission);
        long began = System.nanoTime();
        JsonPath page = read(start, "missions=" + mission + "&wait=1");
        long tookMillis = (System.nanoTime() - began) / 1_000_000;
        assertEquals(List.of(), page.getList("items"));
        assertEquals(start, page.getString("next_cursor"));
        assertTrue(tookMillis >= 900, "answered after " + tookMillis + " ms");
    }

    @Test
    void typesFilterAndBadParametersAreChecked() {
        String mission = Fixtures.createMission("2019-01-01");
        String caseId = Cases.create(Cases.sea(mission, "2024-03-04"));
        Cases.move(caseId, "preliminary_assessment");
        as("reader")
                .get(
                        "/events?missions="
                                + mission
                                + "&types=org.a4ptracker.case.status_changed&types=org.a4ptracker.mission.created")
                .then()
                .statusCode(200)
                .body(
                        "items.type",
                        contains(
                                "org.a4ptracker.mission.created",
                                "org.a4ptracker.case.status_changed"));
        as("reader")
                .get("/events?after=not-a-cursor")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("after"));
        invalid("reader").get("/events?wait=31").then().statusCode(400);
    }

    @Test
    void aCursorOlderThanRetentionIsGone() {
        String mission = Fixtures.createMission("2019-01-01");
        QuarkusTransaction.requiringNew().run(() -> record(mission, "old"));
        QuarkusTransaction.requiringNew()
                .run(
                        () ->
                                em.createNativeQuery(
                                                "UPDATE event SET occurred_at = now() - interval '40 days'")
                                        .executeUpdate());
        assertTrue(retention.purge() > 0);
        // Retention deletes a prefix of the feed; a cursor before its end is gone. (How far the
        // prefix reaches depends on the transactions of other tests, hence the cursor at its
        // start.)
        String beforeTheMark = new FeedPosition(0, 1).cursor();
        as("reader")
                .get("/events?after=" + beforeTheMark)
                .then()
                .statusCode(410)
                .body("type", equalTo("/problems/cursor-expired"));
        // Without a cursor the feed starts at the mark and reads on.
        String next =
                as("reader")
                        .get("/events?limit=1")
                        .then()
                        .statusCode(200)
                        .body("next_cursor", notNullValue())
                        .extract()
                        .path("next_cursor");
        as("reader").get("/events?after=" + next).then().statusCode(200);
    }

    private void record(String mission, String name) {
        changeEvents.record(
                EventType.ORG_A4PTRACKER_MISSION_UPDATED,
                new ChangeEvents.Subject(
                        "/missions/" + mission + "/" + name, mission, ChangeEvents.ids()),
                List.of("name"),
                1L);
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
