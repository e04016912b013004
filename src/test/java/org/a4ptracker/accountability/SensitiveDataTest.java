package org.a4ptracker.accountability;

import static org.a4ptracker.support.Api.as;
import static org.a4ptracker.support.Api.asIn;
import static org.a4ptracker.support.Api.invalid;
import static org.a4ptracker.support.Fixtures.createMission;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import javax.sql.DataSource;
import org.a4ptracker.support.Cases;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Victim data lives in the case record and its history only: idempotent replays read the case again
 * (redaction, read log and erasure apply), and no failure writes it to the log.
 */
@QuarkusTest
class SensitiveDataTest {

    private static final String CASES = "/accountability-cases";
    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

    @Inject DataSource db;

    /** An SEA case whose one victim's assistance provider is the marker. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> seaWithMarker(String mission, String provider) {
        Map<String, Object> body = Cases.sea(mission, "2021-03-05");
        var misconduct = new HashMap<>((Map<String, Object>) body.get("misconduct"));
        misconduct.put(
                "victims",
                List.of(
                        Map.of(
                                "sex",
                                "female",
                                "age_group",
                                "adult",
                                "assistance_offered",
                                true,
                                "assistance_accepted",
                                true,
                                "assistance",
                                List.of(
                                        Map.of(
                                                "type",
                                                "psychosocial",
                                                "provider",
                                                provider,
                                                "provided_on",
                                                "2021-03-10")))));
        body.put("misconduct", misconduct);
        return body;
    }

    private static int readsOf(String id) {
        return as("admin")
                .queryParam("limit", 200)
                .get(CASES + "/" + id + "/reads")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items")
                .size();
    }

    private int rowsInTheReadLog(String id) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement count =
                        connection.prepareStatement(
                                "SELECT count(*) FROM read_log WHERE record_id = CAST(? AS uuid)")) {
            count.setString(1, id);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    @Test
    void everyFullViewServedFromMemoryIsLoggedAndWrittenWithinAFlushInterval() throws Exception {
        String id = Cases.create(seaWithMarker(createMission("2019-01-01"), "memory"));
        int before = readsOf(id);
        int viewers = 8;
        int readsEach = 5;
        List<Thread> threads = new ArrayList<>();
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < viewers; t++) {
            Thread thread =
                    new Thread(
                            () -> {
                                for (int i = 0; i < readsEach; i++) {
                                    statuses.add(
                                            as("conduct_officer")
                                                    .get(CASES + "/" + id)
                                                    .then()
                                                    .extract()
                                                    .statusCode());
                                }
                            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(java.util.Collections.nCopies(viewers * readsEach, 200), statuses);
        // A redacted view is not a full read and is not logged.
        as("reader").get(CASES + "/" + id).then().statusCode(200);

        // Nobody lists the reads: the batch writer puts them in the table on its own
        // (a4p.read-log.flush-interval is 0.1 s).
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (rowsInTheReadLog(id) < before + viewers * readsEach
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(before + viewers * readsEach, rowsInTheReadLog(id));
        assertEquals(before + viewers * readsEach, readsOf(id));
    }

    @Test
    void aFullReadIsListedAtOnceByTheReplicaThatServedIt() {
        String id = Cases.create(seaWithMarker(createMission("2019-01-01"), "at-once"));
        int before = readsOf(id);
        for (int i = 1; i <= 3; i++) {
            as("conduct_officer").get(CASES + "/" + id).then().statusCode(200);
            assertEquals(before + i, readsOf(id));
        }
    }

    @Test
    void aReplayReadsTheCaseAgainAndIsLoggedAsARead() {
        String mission = createMission("2019-01-01");
        String marker = "replay-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Response first =
                as("conduct_officer")
                        .header("Idempotency-Key", key)
                        .body(seaWithMarker(mission, marker))
                        .post(CASES);
        first.then().statusCode(201);
        String id = first.jsonPath().getString("id");
        int reads = readsOf(id);

        Response replay =
                as("conduct_officer")
                        .header("Idempotency-Key", key)
                        .body(seaWithMarker(mission, marker))
                        .post(CASES);
        replay.then().statusCode(201);
        assertEquals(first.header("Location"), replay.header("Location"));
        assertEquals(first.header("ETag"), replay.header("ETag"));
        assertThat(replay.asString(), containsString(marker));
        assertEquals(reads + 1, readsOf(id));
    }

    @Test
    void anErasedVictimIsFoundInNoTableButTheCaseHistoryAndNoReplayBringsItBack()
            throws SQLException {
        String mission = createMission("2019-01-01");
        String marker = "erased-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = seaWithMarker(mission, marker);
        Response created =
                as("conduct_officer").header("Idempotency-Key", key).body(body).post(CASES);
        created.then().statusCode(201);
        String path = CASES + "/" + created.jsonPath().getString("id");

        as("conduct_officer")
                .contentType(MERGE_PATCH)
                .header("If-Match", created.header("ETag"))
                .body(Map.of("misconduct", Map.of("victims", List.of())))
                .patch(path)
                .then()
                .statusCode(200)
                .body("misconduct.victims", empty());

        Response replay =
                as("conduct_officer").header("Idempotency-Key", key).body(body).post(CASES);
        replay.then().statusCode(201).body("misconduct.victims", hasSize(0));
        assertThat(replay.asString(), not(containsString(marker)));
        assertEquals(List.of("accountability_case_aud"), tablesHolding(marker));
    }

    /** The tables of the service's schema with a row whose text contains {@code text}. */
    private List<String> tablesHolding(String text) throws SQLException {
        List<String> holding = new ArrayList<>();
        try (Connection connection = db.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs =
                    connection
                            .createStatement()
                            .executeQuery(
                                    """
                    SELECT table_name FROM information_schema.tables
                     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertTrue(
                    tables.contains("idempotency_key") && tables.contains("accountability_case"),
                    tables.toString());
            for (String table : tables) {
                try (PreparedStatement query =
                        connection.prepareStatement(
                                "SELECT count(*) FROM \""
                                        + table
                                        + "\" t WHERE strpos(t::text, ?) > 0")) {
                    query.setString(1, text);
                    try (ResultSet rs = query.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            holding.add(table);
                        }
                    }
                }
            }
        }
        return holding;
    }

    @Test
    void noLogLineCarriesVictimTextWhateverFails() {
        String mission = createMission("2019-01-01");
        String marker = "logged-" + UUID.randomUUID();
        Capture log = Capture.start();
        try {
            Logger.getLogger("org.a4ptracker.test")
                    .info("canary " + marker.replace("logged-", "canary-"));
            List<Response> failures = new ArrayList<>();
            // validation: a wrong enum beside the victim text, and the text too long
            Map<String, Object> badEnum = seaWithMarker(mission, marker);
            badEnum.put("incident_date_precision", "fortnight");
            failures.add(invalid("conduct_officer").body(badEnum).post(CASES));
            failures.add(
                    invalid("conduct_officer")
                            .body(seaWithMarker(mission, marker + "x".repeat(300)))
                            .post(CASES));
            // the database refuses the value (PostgreSQL cannot store \u0000 in jsonb)
            failures.add(
                    invalid("conduct_officer")
                            .body(seaWithMarker(mission, marker + "\u0000"))
                            .post(CASES));
            // malformed JSON and the wrong media type
            failures.add(
                    invalid("conduct_officer")
                            .body("{\"kind\":\"misconduct\",\"note\":\"" + marker + "\"")
                            .post(CASES));
            failures.add(
                    invalid("conduct_officer").contentType("text/plain").body(marker).post(CASES));
            // not allowed, not in scope
            failures.add(as("reader").body(seaWithMarker(mission, marker)).post(CASES));
            failures.add(
                    asIn(List.of("MINUSCA"), "conduct_officer")
                            .body(seaWithMarker(mission, marker))
                            .post(CASES));
            // an Idempotency-Key reused with another body
            String key = UUID.randomUUID().toString();
            Response created =
                    as("conduct_officer")
                            .header("Idempotency-Key", key)
                            .body(seaWithMarker(mission, "first"))
                            .post(CASES);
            created.then().statusCode(201);
            failures.add(
                    as("conduct_officer")
                            .header("Idempotency-Key", key)
                            .body(seaWithMarker(mission, marker))
                            .post(CASES));
            // a stale If-Match, an illegal transition with the marker as its reason
            String path = CASES + "/" + created.jsonPath().getString("id");
            Map<String, Object> update = seaWithMarker(mission, marker);
            update.remove("kind");
            update.remove("mission_acronym");
            failures.add(as("conduct_officer").header("If-Match", "\"7\"").body(update).put(path));
            failures.add(
                    as("conduct_officer")
                            .body(Map.of("to", "closed", "reason", marker))
                            .post(path + "/transitions"));

            for (Response failure : failures) {
                int status = failure.statusCode();
                assertTrue(status >= 400 && status < 500, status + " " + failure.asString());
                assertThat(failure.asString(), not(containsString(marker)));
            }
        } finally {
            log.stop();
        }
        assertThat(log.text(), containsString(marker.replace("logged-", "canary-")));
        assertThat(log.text(), not(containsString(marker)));
    }

    /** Every log record of the service while it runs, with its exception, as text. */
    private static final class Capture extends Handler {
        private final StringBuilder text = new StringBuilder();

        static Capture start() {
            Capture capture = new Capture();
            capture.setLevel(java.util.logging.Level.ALL);
            java.util.logging.Logger.getLogger("").addHandler(capture);
            return capture;
        }

        void stop() {
            java.util.logging.Logger.getLogger("").removeHandler(this);
        }

        synchronized String text() {
            return text.toString();
        }

        @Override
        public synchronized void publish(LogRecord record) {
            String message =
                    record instanceof org.jboss.logmanager.ExtLogRecord ext
                            ? ext.getFormattedMessage()
                            : record.getMessage();
            text.append(record.getLoggerName()).append(' ').append(message).append('\n');
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append(trace).append('\n');
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
