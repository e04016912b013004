package org.a4ptracker.accountability;

import static org.a4ptracker.support.Api.asIn;
import static org.a4ptracker.support.Cases.create;
import static org.a4ptracker.support.Cases.crime;
import static org.a4ptracker.support.Cases.investigation;
import static org.a4ptracker.support.Cases.move;
import static org.a4ptracker.support.Cases.pipeline;
import static org.a4ptracker.support.Cases.sea;
import static org.a4ptracker.support.Cases.victim;
import static org.a4ptracker.support.Fixtures.createMission;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.a4ptracker.support.Api;
import org.junit.jupiter.api.Test;

/**
 * The statistics come from tables that triggers keep as the cases change (migration V12), and from
 * the cases themselves for the part of a year a date filter cuts: after every kind of write, and at
 * every edge of a date filter, they show what the cases hold.
 */
@QuarkusTest
class CaseStatisticsKeptTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATISTICS = "/accountability-cases/statistics";
    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

    @Inject AgroalDataSource dataSource;

    @Test
    void statisticsFollowEveryWrite() throws SQLException {
        String mission = createMission("2015-01-01");
        Map<String, Object> body = sea(mission, "2021-03-05");
        misconduct(body)
                .put("investigations", List.of(investigation("oios", "2021-03-10", "2021-03-20")));
        String sea = create(body);

        JsonNode created = stats(mission, "group_by", "status");
        assertEquals(1, created.get("groups").size());
        JsonNode group = created.get("groups").get(0);
        assertEquals("reported", group.get("status").asText());
        assertEquals(1, group.get("allegations").asInt());
        assertEquals(List.of(2, 1, 1, 0, 0, 0), victims(group));
        assertEquals(Map.of("oios", "1/1/10.0"), investigations(group));

        patch(
                sea,
                0,
                Map.of(
                        "misconduct",
                        Map.of(
                                "victims",
                                List.of(
                                        victim("female", "adult"),
                                        victim("female", "minor"),
                                        victim("male", "minor")),
                                "investigations",
                                List.of(
                                        investigation("oios", "2021-03-10", "2021-04-09"),
                                        investigation("nio", "2021-03-12", null)),
                                "final_actions",
                                List.of(
                                        Map.of(
                                                "type",
                                                "repatriation_and_ban",
                                                "taken_on",
                                                "2021-09-01")))));
        group = stats(mission, "group_by", "status").get("groups").get(0);
        assertEquals(1, group.get("allegations").asInt());
        assertEquals(List.of(3, 1, 1, 0, 1, 0), victims(group));
        assertEquals(Map.of("oios", "1/1/30.0", "nio", "1/0/null"), investigations(group));
        assertEquals(1, group.get("final_actions").get("repatriation_and_ban").asInt());

        move(sea, "preliminary_assessment");
        JsonNode moved = stats(mission, "group_by", "status");
        assertEquals(1, moved.get("groups").size(), "the reported group is gone: " + moved);
        group = moved.get("groups").get(0);
        assertEquals("preliminary_assessment", group.get("status").asText());
        assertEquals(List.of(3, 1, 1, 0, 1, 0), victims(group));

        patch(sea, 2, Map.of("reported_on", "2022-01-10"));
        JsonNode byYear = stats(mission, "group_by", "year");
        assertEquals(1, byYear.get("groups").size(), "2021 is gone: " + byYear);
        assertEquals(2022, byYear.get("groups").get(0).get("year").asInt());

        String crime = create(crime(mission, "2022-05-05", pipeline(3, 2, 2, 1, 1, 0)));
        JsonNode withCrime = stats(mission, "group_by", "kind");
        assertEquals(2, withCrime.get("groups").size());
        assertEquals(List.of(1, 2, 5, 3, 2, 2, 1, 1, 0), pipelineOf(withCrime, mission));

        patch(
                crime,
                0,
                Map.of(
                        "crime",
                        Map.of(
                                "peacekeepers_killed",
                                3,
                                "judicial_pipeline",
                                pipeline(4, 3, 3, 2, 1, 1))));
        assertEquals(
                List.of(1, 3, 5, 4, 3, 3, 2, 1, 1),
                pipelineOf(stats(mission, "group_by", "kind"), mission));

        // No API deletes a case, but an erasure or a clean-up in SQL (bench/data/cases.sql) keeps
        // the statistics right too.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete =
                        connection.prepareStatement(
                                "DELETE FROM accountability_case WHERE id = ?")) {
            delete.setObject(1, UUID.fromString(crime));
            assertEquals(1, delete.executeUpdate());
        }
        JsonNode deleted = stats(mission, "group_by", "kind");
        assertEquals(1, deleted.get("groups").size());
        assertEquals("misconduct", deleted.get("groups").get(0).get("kind").asText());
        assertEquals(0, deleted.get("judicial_pipeline").size());

        assertKeptTablesAreWhatTheCasesMake();
    }

    @Test
    void wholeYearsAndCutYearsAddUpAtEveryEdge() throws SQLException {
        String mission = createMission("2015-01-01");
        create(sea(mission, "2020-06-01"));
        create(sea(mission, "2021-02-01"));
        create(crime(mission, "2021-11-30", pipeline(1, 1, 0, 0, 0, 0)));
        create(sea(mission, "2022-12-31"));
        create(crime(mission, "2023-01-01", pipeline(2, 0, 0, 0, 0, 0)));

        assertEquals(5, allegations(mission, null, null));
        assertEquals(5, allegations(mission, "2020-06-01", "2023-01-01"));
        assertEquals(4, allegations(mission, "2020-06-02", null));
        assertEquals(3, allegations(mission, null, "2022-12-30"));
        assertEquals(4, allegations(mission, null, "2022-12-31"));
        assertEquals(2, allegations(mission, "2021-01-01", "2021-12-31"));
        assertEquals(1, allegations(mission, "2021-03-01", "2021-11-30"));
        assertEquals(2, allegations(mission, "2021-11-30", "2022-12-31"));
        assertEquals(2, allegations(mission, "2022-12-31", "2023-01-01"));
        assertEquals(0, allegations(mission, "2022-01-01", "2022-12-30"));
        assertEquals(0, allegations(mission, "2023-01-01", "2022-12-31"));

        JsonNode byYear =
                stats(
                        mission,
                        "group_by",
                        "year",
                        "reported_from",
                        "2020-07-01",
                        "reported_to",
                        "2023-06-30");
        Map<Integer, Integer> years = new LinkedHashMap<>();
        byYear.get("groups")
                .forEach(g -> years.put(g.get("year").asInt(), g.get("allegations").asInt()));
        assertEquals(Map.of(2021, 2, 2022, 1, 2023, 1), years);
        assertEquals(List.of(2021, 2022, 2023), new ArrayList<>(years.keySet()), "year order");
        assertEquals(
                List.of(2, 4, 10, 3, 1, 0, 0, 0, 0),
                pipelineOf(
                        stats(mission, "reported_from", "2021-06-01", "reported_to", "2023-01-01"),
                        mission));

        assertKeptTablesAreWhatTheCasesMake();
    }

    // ------------------------------------------------------------------------------- helpers

    /**
     * Every kept table holds exactly what building it again from every case gives (checked in a
     * transaction that is rolled back).
     */
    private void assertKeptTablesAreWhatTheCasesMake() throws SQLException {
        List<String> tables =
                List.of(
                        "case_statistics",
                        "case_investigation_statistics",
                        "case_final_action_statistics");
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                for (String table : tables) {
                    sql.execute("CREATE TEMP TABLE kept_" + table + " AS TABLE " + table);
                    sql.execute("DELETE FROM " + table);
                }
                sql.execute(
                        """
                        DO $$
                        DECLARE
                            statement text;
                        BEGIN
                            FOREACH statement IN ARRAY case_statistics_statements('SELECT 1 AS sign, c.* FROM accountability_case c') LOOP
                                EXECUTE statement;
                            END LOOP;
                        END
                        $$""");
                for (String table : tables) {
                    try (ResultSet differences =
                            sql.executeQuery(
                                    "SELECT count(*) FROM ((TABLE kept_"
                                            + table
                                            + " EXCEPT ALL TABLE "
                                            + table
                                            + ") UNION ALL (TABLE "
                                            + table
                                            + " EXCEPT ALL TABLE kept_"
                                            + table
                                            + ")) d")) {
                        differences.next();
                        assertEquals(0, differences.getLong(1), table + " differs from a rebuild");
                    }
                }
            } finally {
                connection.rollback();
            }
        }
    }

    private static Map<String, Object> misconduct(Map<String, Object> body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> misconduct = (Map<String, Object>) body.get("misconduct");
        return misconduct;
    }

    private static void patch(String id, int version, Map<String, Object> patch) {
        Api.as("conduct_officer")
                .contentType(MERGE_PATCH)
                .header("If-Match", "\"" + version + "\"")
                .body(patch)
                .patch("/accountability-cases/" + id)
                .then()
                .statusCode(200);
    }

    /** The statistics of one mission, read with a token for that mission only. */
    private static JsonNode stats(String mission, String... query) {
        RequestSpecification request = asIn(List.of(mission), "reader");
        for (int i = 0; i < query.length; i += 2) {
            request.queryParam(query[i], query[i + 1]);
        }
        String text = request.get(STATISTICS).then().statusCode(200).extract().asString();
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }

    /** All allegations of the mission reported between the dates (null: unbounded). */
    private static int allegations(String mission, String from, String to) {
        Map<String, String> query = new HashMap<>();
        if (from != null) {
            query.put("reported_from", from);
        }
        if (to != null) {
            query.put("reported_to", to);
        }
        JsonNode body =
                stats(
                        mission,
                        query.entrySet().stream()
                                .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                                .toArray(String[]::new));
        int total = 0;
        for (JsonNode g : body.get("groups")) {
            total += g.get("allegations").asInt();
        }
        return total;
    }

    /** total, women, girls, men, boys, age unknown. */
    private static List<Integer> victims(JsonNode group) {
        JsonNode v = group.get("victims");
        return List.of(
                v.get("total").asInt(),
                v.get("women").asInt(),
                v.get("girls").asInt(),
                v.get("men").asInt(),
                v.get("boys").asInt(),
                v.get("age_unknown").asInt());
    }

    /** Per entity: "investigations/completed/median". */
    private static Map<String, String> investigations(JsonNode group) {
        Map<String, String> found = new HashMap<>();
        for (JsonNode i : group.get("investigations")) {
            JsonNode median = i.get("median_duration_days");
            found.put(
                    i.get("entity").asText(),
                    i.get("investigations").asInt()
                            + "/"
                            + i.get("completed").asInt()
                            + "/"
                            + (median == null || median.isNull() ? "null" : median.asDouble()));
        }
        return found;
    }

    /** cases, killed, injured, identified, arrested, charged, tried, convicted, acquitted. */
    private static List<Integer> pipelineOf(JsonNode body, String mission) {
        JsonNode found = null;
        for (JsonNode p : body.get("judicial_pipeline")) {
            if (mission.equals(p.get("mission_acronym").asText())) {
                assertNull(found, "one pipeline per mission");
                found = p;
            }
        }
        if (found == null) {
            return List.of(0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        List<Integer> values = new ArrayList<>();
        for (String field :
                List.of(
                        "cases",
                        "peacekeepers_killed",
                        "peacekeepers_injured",
                        "suspects_identified",
                        "arrested",
                        "charged",
                        "tried",
                        "convicted",
                        "acquitted")) {
            values.add(found.get(field).asInt());
        }
        return values;
    }
}
