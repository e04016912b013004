package org.a4ptracker.accountability;

import static org.a4ptracker.support.Api.as;
import static org.a4ptracker.support.Api.asIn;
import static org.a4ptracker.support.Api.invalid;
import static org.a4ptracker.support.Cases.create;
import static org.a4ptracker.support.Cases.crime;
import static org.a4ptracker.support.Cases.investigation;
import static org.a4ptracker.support.Cases.pipeline;
import static org.a4ptracker.support.Cases.sea;
import static org.a4ptracker.support.Cases.victim;
import static org.a4ptracker.support.Fixtures.createMission;
import static org.a4ptracker.support.Problems.assertProblem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /accountability-cases/statistics over a known set of cases in three fresh missions, read with
 * tokens scoped to those missions only, so that no other test's cases change the numbers.
 *
 * <pre>
 * m1  A  SEA    2022-02-10  victims F/adult, F/minor, M/unknown   oios 10 days          repatriation_and_ban, imprisonment
 *     B  SEA    2023-06-01  victims M/minor, F/adult              oios 30 days, nio open repatriation_and_ban
 *     C  other  2023-08-01  victims M/adult                       mission_unit 7 days   reprimand
 *     D  crime  2022-05-05  killed 2, injured 5, pipeline 3 2 2 1 1 0
 *     E  crime  2023-09-09  killed 1, injured 0, pipeline 4 3 1 1 0 1
 * m2  F  SEA    2022-03-03  victims unknown/adult, F/minor, F/minor oios 50, pcc 20 days dismissal
 *     G  crime  2022-07-07  killed 3, injured 1, pipeline 1 1 1 1 1 0
 * m3  H  SEA    2022-01-01  (outside every scoped token: must never count)
 *     I  crime  2022-01-01
 * </pre>
 */
@QuarkusTest
class CaseStatisticsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String m1;
    private static String m2;
    private static String m3;

    /**
     * Once per class; in @BeforeEach because the HTTP port is only known to REST Assured by then.
     */
    @BeforeEach
    void seed() {
        if (m1 != null) {
            return;
        }
        String one = createMission("2015-01-01");
        String two = createMission("2015-01-01");
        String three = createMission("2015-01-01");

        create(
                seaCase(
                        one,
                        "2022-02-10",
                        List.of(
                                victim("female", "adult"),
                                victim("female", "minor"),
                                victim("male", "unknown")),
                        List.of(investigation("oios", "2022-02-15", "2022-02-25")),
                        List.of(
                                finalAction("repatriation_and_ban", "2022-04-01"),
                                finalAction("imprisonment", "2022-05-01"))));
        create(
                seaCase(
                        one,
                        "2023-06-01",
                        List.of(victim("male", "minor"), victim("female", "adult")),
                        List.of(
                                investigation("oios", "2023-06-01", "2023-07-01"),
                                investigation("nio", "2023-06-05", null)),
                        List.of(finalAction("repatriation_and_ban", "2023-08-01"))));
        create(
                otherMisconduct(
                        one,
                        "2023-08-01",
                        List.of(victim("male", "adult")),
                        List.of(investigation("mission_unit", "2023-08-01", "2023-08-08")),
                        List.of(finalAction("reprimand", "2023-09-01"))));
        create(crime(one, "2022-05-05", pipeline(3, 2, 2, 1, 1, 0)));
        create(crimeCase(one, "2023-09-09", 1, 0, pipeline(4, 3, 1, 1, 0, 1)));

        create(
                seaCase(
                        two,
                        "2022-03-03",
                        List.of(
                                victim("unknown", "adult"),
                                victim("female", "minor"),
                                victim("female", "minor")),
                        List.of(
                                investigation("oios", "2022-03-10", "2022-04-29"),
                                investigation("pcc", "2022-03-10", "2022-03-30")),
                        List.of(finalAction("dismissal", "2022-06-01"))));
        create(crimeCase(two, "2022-07-07", 3, 1, pipeline(1, 1, 1, 1, 1, 0)));

        create(
                seaCase(
                        three,
                        "2022-01-01",
                        List.of(victim("female", "minor")),
                        List.of(investigation("oios", "2022-01-02", "2022-12-31")),
                        List.of(finalAction("censure", "2023-01-01"))));
        create(crimeCase(three, "2022-01-01", 9, 9, pipeline(9, 9, 9, 9, 9, 0)));

        m1 = one;
        m2 = two;
        m3 = three;
    }

    @Test
    void withoutGroupByOneGroupCountsEverything() {
        JsonNode body = stats(scoped(), Map.of());
        assertEquals(0, body.get("group_by").size());
        assertEquals(1, body.get("groups").size());
        JsonNode all = body.get("groups").get(0);
        assertFalse(all.has("mission_acronym"), "no dimension asked for, none shown");
        assertFalse(all.has("year"));
        assertEquals(7, all.get("allegations").asInt());
        assertVictims(all, 9, 2, 3, 1, 1, 2);
        assertInvestigations(
                all,
                Map.of(
                        "oios", new Inv(3, 3, 30.0),
                        "nio", new Inv(1, 0, null),
                        "pcc", new Inv(1, 1, 20.0),
                        "mission_unit", new Inv(1, 1, 7.0)));
        assertFinalActions(
                all,
                Map.of(
                        "repatriation_and_ban",
                        2,
                        "imprisonment",
                        1,
                        "reprimand",
                        1,
                        "dismissal",
                        1));
        assertPipelines(
                body,
                Map.of(
                        m1, new Pipe(2, 3, 5, 7, 5, 3, 2, 1, 1),
                        m2, new Pipe(1, 3, 1, 1, 1, 1, 1, 1, 0)));
    }

    @Test
    void groupedByMissionEachMissionHasItsOwnNumbers() {
        JsonNode body = stats(scoped(), Map.of("group_by", List.of("mission")));
        assertEquals(List.of("mission"), texts(body.get("group_by")));
        assertEquals(2, body.get("groups").size());
        JsonNode one = group(body, Map.of("mission_acronym", m1));
        assertEquals(5, one.get("allegations").asInt());
        assertFalse(one.has("year"));
        assertVictims(one, 6, 2, 1, 1, 1, 1);
        assertInvestigations(
                one,
                Map.of(
                        "oios", new Inv(2, 2, 20.0),
                        "nio", new Inv(1, 0, null),
                        "mission_unit", new Inv(1, 1, 7.0)));
        assertFinalActions(
                one, Map.of("repatriation_and_ban", 2, "imprisonment", 1, "reprimand", 1));

        JsonNode two = group(body, Map.of("mission_acronym", m2));
        assertEquals(2, two.get("allegations").asInt());
        assertVictims(two, 3, 0, 2, 0, 0, 1);
        assertInvestigations(two, Map.of("oios", new Inv(1, 1, 50.0), "pcc", new Inv(1, 1, 20.0)));
        assertFinalActions(two, Map.of("dismissal", 1));
        assertPipelines(
                body,
                Map.of(
                        m1, new Pipe(2, 3, 5, 7, 5, 3, 2, 1, 1),
                        m2, new Pipe(1, 3, 1, 1, 1, 1, 1, 1, 0)));
    }

    @Test
    void groupedByMissionAndYear() {
        JsonNode body = stats(scoped(), Map.of("group_by", List.of("mission", "year")));
        assertEquals(List.of("mission", "year"), texts(body.get("group_by")));
        assertEquals(3, body.get("groups").size());

        JsonNode one2022 = group(body, Map.of("mission_acronym", m1, "year", 2022));
        assertEquals(2, one2022.get("allegations").asInt());
        assertVictims(one2022, 3, 1, 1, 0, 0, 1);
        assertInvestigations(one2022, Map.of("oios", new Inv(1, 1, 10.0)));
        assertFinalActions(one2022, Map.of("repatriation_and_ban", 1, "imprisonment", 1));

        JsonNode one2023 = group(body, Map.of("mission_acronym", m1, "year", 2023));
        assertEquals(3, one2023.get("allegations").asInt());
        assertVictims(one2023, 3, 1, 0, 1, 1, 0);
        assertInvestigations(
                one2023,
                Map.of(
                        "oios", new Inv(1, 1, 30.0),
                        "nio", new Inv(1, 0, null),
                        "mission_unit", new Inv(1, 1, 7.0)));
        assertFinalActions(one2023, Map.of("repatriation_and_ban", 1, "reprimand", 1));

        JsonNode two2022 = group(body, Map.of("mission_acronym", m2, "year", 2022));
        assertEquals(2, two2022.get("allegations").asInt());
        assertVictims(two2022, 3, 0, 2, 0, 0, 1);
    }

    @Test
    void theOrderOfGroupByIsTheOrderAsked() {
        JsonNode body = stats(scoped(), Map.of("group_by", List.of("year", "mission")));
        assertEquals(List.of("year", "mission"), texts(body.get("group_by")));
        assertEquals(3, body.get("groups").size());
        assertEquals(
                2,
                group(body, Map.of("mission_acronym", m1, "year", 2022))
                        .get("allegations")
                        .asInt());
    }

    @Test
    void groupedByCategory() {
        JsonNode body = stats(scoped(), Map.of("group_by", List.of("category")));
        assertEquals(List.of("category"), texts(body.get("group_by")));
        JsonNode sea = group(body, Map.of("category", "sea"));
        assertEquals(3, sea.get("allegations").asInt());
        assertVictims(sea, 8, 2, 3, 0, 1, 2);
        assertInvestigations(
                sea,
                Map.of(
                        "oios", new Inv(3, 3, 30.0),
                        "nio", new Inv(1, 0, null),
                        "pcc", new Inv(1, 1, 20.0)));
        assertFinalActions(
                sea, Map.of("repatriation_and_ban", 2, "imprisonment", 1, "dismissal", 1));

        JsonNode other = group(body, Map.of("category", "other_misconduct"));
        assertEquals(1, other.get("allegations").asInt());
        assertVictims(other, 1, 0, 0, 1, 0, 0);
        assertInvestigations(other, Map.of("mission_unit", new Inv(1, 1, 7.0)));
        assertFinalActions(other, Map.of("reprimand", 1));

        // Crimes have no category: whatever else is shown, the misconduct groups hold 4 of the 7
        // cases.
        int total = 0;
        for (JsonNode g : body.get("groups")) {
            total += g.get("allegations").asInt();
        }
        assertEquals(7, total);
    }

    @Test
    void groupedByKind() {
        JsonNode body = stats(scoped(), Map.of("group_by", List.of("kind")));
        assertEquals(2, body.get("groups").size());
        JsonNode misconduct = group(body, Map.of("kind", "misconduct"));
        assertEquals(4, misconduct.get("allegations").asInt());
        assertVictims(misconduct, 9, 2, 3, 1, 1, 2);
        assertFinalActions(
                misconduct,
                Map.of(
                        "repatriation_and_ban",
                        2,
                        "imprisonment",
                        1,
                        "reprimand",
                        1,
                        "dismissal",
                        1));
        JsonNode crimes = group(body, Map.of("kind", "crime_against_peacekeepers"));
        assertEquals(3, crimes.get("allegations").asInt());
        assertVictims(crimes, 0, 0, 0, 0, 0, 0);
        assertEquals(0, crimes.get("investigations").size());
        assertEquals(0, crimes.get("final_actions").size());
    }

    @Test
    void theKindFilterDropsThePipelineForMisconductAndKeepsItForCrimes() {
        JsonNode misconduct = stats(scoped(), Map.of("kind", "misconduct"));
        assertEquals(1, misconduct.get("groups").size());
        assertEquals(4, misconduct.get("groups").get(0).get("allegations").asInt());
        assertVictims(misconduct.get("groups").get(0), 9, 2, 3, 1, 1, 2);
        assertEquals(0, misconduct.get("judicial_pipeline").size());

        JsonNode crimes = stats(scoped(), Map.of("kind", "crime_against_peacekeepers"));
        assertEquals(3, crimes.get("groups").get(0).get("allegations").asInt());
        assertVictims(crimes.get("groups").get(0), 0, 0, 0, 0, 0, 0);
        assertPipelines(
                crimes,
                Map.of(
                        m1, new Pipe(2, 3, 5, 7, 5, 3, 2, 1, 1),
                        m2, new Pipe(1, 3, 1, 1, 1, 1, 1, 1, 0)));
    }

    @Test
    void theMissionFilterKeepsOneMission() {
        JsonNode body = stats(scoped(), Map.of("mission", m2));
        JsonNode all = body.get("groups").get(0);
        assertEquals(2, all.get("allegations").asInt());
        assertVictims(all, 3, 0, 2, 0, 0, 1);
        assertPipelines(body, Map.of(m2, new Pipe(1, 3, 1, 1, 1, 1, 1, 1, 0)));
    }

    @Test
    void reportedFromAndToAreInclusiveDateFilters() {
        JsonNode from2023 =
                stats(
                        scoped(),
                        Map.of("reported_from", "2023-01-01", "group_by", List.of("mission")));
        assertEquals(1, from2023.get("groups").size());
        JsonNode one = group(from2023, Map.of("mission_acronym", m1));
        assertEquals(3, one.get("allegations").asInt());
        assertVictims(one, 3, 1, 0, 1, 1, 0);
        assertInvestigations(
                one,
                Map.of(
                        "oios", new Inv(1, 1, 30.0),
                        "nio", new Inv(1, 0, null),
                        "mission_unit", new Inv(1, 1, 7.0)));
        assertPipelines(from2023, Map.of(m1, new Pipe(1, 1, 0, 4, 3, 1, 1, 0, 1)));

        JsonNode to2022 = stats(scoped(), Map.of("reported_to", "2022-12-31"));
        assertEquals(4, to2022.get("groups").get(0).get("allegations").asInt());
        assertVictims(to2022.get("groups").get(0), 6, 1, 3, 0, 0, 2);
        assertPipelines(
                to2022,
                Map.of(
                        m1, new Pipe(1, 2, 5, 3, 2, 2, 1, 1, 0),
                        m2, new Pipe(1, 3, 1, 1, 1, 1, 1, 1, 0)));

        // Both bounds fall on report dates (F on 2022-03-03, D on 2022-05-05): both count.
        JsonNode window =
                stats(scoped(), Map.of("reported_from", "2022-03-03", "reported_to", "2022-05-05"));
        assertEquals(2, window.get("groups").get(0).get("allegations").asInt());
        assertVictims(window.get("groups").get(0), 3, 0, 2, 0, 0, 1);
        assertPipelines(window, Map.of(m1, new Pipe(1, 2, 5, 3, 2, 2, 1, 1, 0)));

        JsonNode nothing = stats(scoped(), Map.of("reported_from", "2030-01-01"));
        assertEquals(0, nothing.get("judicial_pipeline").size());
        int allegations = 0;
        for (JsonNode g : nothing.get("groups")) {
            allegations += g.get("allegations").asInt();
        }
        assertEquals(0, allegations);
    }

    @Test
    void aTokenForOneMissionSeesOnlyThatMission() {
        JsonNode body = stats(asIn(List.of(m1), "reader"), Map.of("group_by", List.of("mission")));
        assertEquals(1, body.get("groups").size());
        assertEquals(m1, body.get("groups").get(0).get("mission_acronym").asText());
        assertEquals(5, body.get("groups").get(0).get("allegations").asInt());
        assertPipelines(body, Map.of(m1, new Pipe(2, 3, 5, 7, 5, 3, 2, 1, 1)));

        // Asking for a mission outside the token's scope shows nothing of it.
        JsonNode hidden = stats(asIn(List.of(m1), "reader"), Map.of("mission", m2));
        assertEquals(0, hidden.get("judicial_pipeline").size());
        for (JsonNode g : hidden.get("groups")) {
            assertEquals(0, g.get("allegations").asInt());
        }
    }

    @Test
    void aTokenWithoutMissionsGetsNothing() {
        JsonNode body = stats(asIn(List.of(), "reader"), Map.of("group_by", List.of("mission")));
        assertEquals(List.of("mission"), texts(body.get("group_by")));
        assertEquals(0, body.get("groups").size());
        assertEquals(0, body.get("judicial_pipeline").size());
        JsonNode ungrouped = stats(asIn(List.of(), "admin"), Map.of());
        assertEquals(0, ungrouped.get("groups").size());
        assertEquals(0, ungrouped.get("judicial_pipeline").size());
    }

    @Test
    void aTokenForEveryMissionCountsTheThirdMissionToo() {
        JsonNode body = stats(as("reader"), Map.of("group_by", List.of("mission")));
        JsonNode three = group(body, Map.of("mission_acronym", m3));
        assertEquals(2, three.get("allegations").asInt());
        assertVictims(three, 1, 0, 1, 0, 0, 0);
        assertInvestigations(three, Map.of("oios", new Inv(1, 1, 363.0)));
        assertFinalActions(three, Map.of("censure", 1));
        JsonNode pipe = null;
        for (JsonNode p : body.get("judicial_pipeline")) {
            if (m3.equals(p.get("mission_acronym").asText())) {
                pipe = p;
            }
        }
        assertNotNull(pipe, "the pipeline of " + m3);
        assertEquals(9, pipe.get("peacekeepers_killed").asInt());
    }

    @Test
    void anUnknownGroupByIsABadRequestNamingTheParameter() {
        Response response =
                invalid("reader")
                        .queryParam("group_by", "planet")
                        .get("/accountability-cases/statistics");
        assertProblem(response, 400, "/problems/validation-error")
                .body("errors.parameter", hasItem("group_by"));
        Response second =
                invalid("reader")
                        .queryParam("group_by", "mission")
                        .queryParam("group_by", "planet")
                        .get("/accountability-cases/statistics");
        assertProblem(second, 400, "/problems/validation-error")
                .body("errors.parameter", hasItem("group_by"));
    }

    @Test
    void statisticsNeverCarryVictimRecords() {
        for (RequestSpecification caller :
                List.of(asIn(List.of(m1, m2), "conduct_officer"), asIn(List.of(m1, m2), "admin"))) {
            Response response =
                    caller.queryParam("group_by", "mission")
                            .queryParam("group_by", "category")
                            .get("/accountability-cases/statistics");
            response.then().statusCode(200);
            String text = response.asString();
            assertFalse(text.contains("\"sex\""), text);
            assertFalse(text.contains("\"age_group\""), text);
            assertFalse(text.contains("\"assistance\""), text);
            JsonNode body = read(text);
            assertTrue(body.get("groups").size() >= 2);
            List<JsonNode> victims = body.findValues("victims");
            assertEquals(body.get("groups").size(), victims.size());
            for (JsonNode v : victims) {
                assertTrue(v.isObject(), "victims are counts, not records: " + v);
                v.fields().forEachRemaining(f -> assertTrue(f.getValue().isInt(), "a count: " + f));
            }
        }
    }

    // ------------------------------------------------------------------------------- helpers

    private record Inv(int investigations, int completed, Double median) {}

    private record Pipe(
            int cases,
            int killed,
            int injured,
            int identified,
            int arrested,
            int charged,
            int tried,
            int convicted,
            int acquitted) {}

    private static RequestSpecification scoped() {
        return asIn(List.of(m1, m2), "reader");
    }

    private static JsonNode stats(RequestSpecification caller, Map<String, Object> query) {
        for (Map.Entry<String, Object> q : query.entrySet()) {
            if (q.getValue() instanceof List<?> values) {
                for (Object v : values) {
                    caller.queryParam(q.getKey(), v);
                }
            } else {
                caller.queryParam(q.getKey(), q.getValue());
            }
        }
        Response response = caller.get("/accountability-cases/statistics");
        response.then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/json"));
        return read(response.asString());
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }

    /** The one group whose labels are these (numbers compared as ints, the rest as text). */
    private static JsonNode group(JsonNode body, Map<String, Object> labels) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode g : body.get("groups")) {
            boolean matches =
                    labels.entrySet().stream()
                            .allMatch(
                                    l ->
                                            g.has(l.getKey())
                                                    && (l.getValue() instanceof Integer i
                                                            ? g.get(l.getKey()).asInt() == i
                                                            : g.get(l.getKey())
                                                                    .asText()
                                                                    .equals(l.getValue())));
            if (matches) {
                found.add(g);
            }
        }
        assertEquals(1, found.size(), "one group labelled " + labels + " in " + body);
        return found.get(0);
    }

    private static void assertVictims(
            JsonNode group, int total, int women, int girls, int men, int boys, int unknown) {
        JsonNode v = group.get("victims");
        Map<String, Integer> actual = new LinkedHashMap<>();
        v.fields().forEachRemaining(f -> actual.put(f.getKey(), f.getValue().asInt()));
        assertEquals(
                Map.of(
                        "total",
                        total,
                        "women",
                        women,
                        "girls",
                        girls,
                        "men",
                        men,
                        "boys",
                        boys,
                        "age_unknown",
                        unknown),
                actual,
                "victims of " + group);
    }

    private static void assertInvestigations(JsonNode group, Map<String, Inv> expected) {
        Map<String, Inv> actual = new HashMap<>();
        for (JsonNode i : group.get("investigations")) {
            JsonNode median = i.get("median_duration_days");
            Inv previous =
                    actual.put(
                            i.get("entity").asText(),
                            new Inv(
                                    i.get("investigations").asInt(),
                                    i.get("completed").asInt(),
                                    median == null ? null : median.asDouble()));
            assertNull(previous, "one entry per entity: " + group);
        }
        assertEquals(expected, actual, "investigations of " + group);
    }

    private static void assertFinalActions(JsonNode group, Map<String, Integer> expected) {
        Map<String, Integer> actual = new HashMap<>();
        group.get("final_actions")
                .fields()
                .forEachRemaining(f -> actual.put(f.getKey(), f.getValue().asInt()));
        assertEquals(expected, actual, "final actions of " + group);
    }

    private static void assertPipelines(JsonNode body, Map<String, Pipe> expected) {
        Map<String, Pipe> actual = new HashMap<>();
        for (JsonNode p : body.get("judicial_pipeline")) {
            actual.put(
                    p.get("mission_acronym").asText(),
                    new Pipe(
                            p.get("cases").asInt(),
                            p.get("peacekeepers_killed").asInt(),
                            p.get("peacekeepers_injured").asInt(),
                            p.get("suspects_identified").asInt(),
                            p.get("arrested").asInt(),
                            p.get("charged").asInt(),
                            p.get("tried").asInt(),
                            p.get("convicted").asInt(),
                            p.get("acquitted").asInt()));
        }
        assertEquals(
                expected.size(), body.get("judicial_pipeline").size(), "one pipeline per mission");
        assertEquals(expected, actual, "judicial pipeline");
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Map<String, Object> finalAction(String type, String takenOn) {
        return Map.of("type", type, "taken_on", takenOn);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> seaCase(
            String mission,
            String reportedOn,
            List<Map<String, Object>> victims,
            List<Map<String, Object>> investigations,
            List<Map<String, Object>> finalActions) {
        Map<String, Object> body = sea(mission, reportedOn);
        Map<String, Object> misconduct = (Map<String, Object>) body.get("misconduct");
        misconduct.put("victims", victims);
        misconduct.put("investigations", investigations);
        misconduct.put("final_actions", finalActions);
        return body;
    }

    private static Map<String, Object> otherMisconduct(
            String mission,
            String reportedOn,
            List<Map<String, Object>> victims,
            List<Map<String, Object>> investigations,
            List<Map<String, Object>> finalActions) {
        Map<String, Object> misconduct = new HashMap<>();
        misconduct.put("category", "other_misconduct");
        misconduct.put("misconduct_level", 2);
        misconduct.put("misconduct_type", "assault");
        misconduct.put("personnel_category", "civilian_national");
        misconduct.put("alleged_perpetrators", 1);
        misconduct.put("victims", victims);
        misconduct.put("investigations", investigations);
        misconduct.put("final_actions", finalActions);
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "misconduct");
        body.put("mission_acronym", mission);
        body.put("reported_on", reportedOn);
        body.put("incident_date_precision", "unknown");
        body.put("misconduct", misconduct);
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> crimeCase(
            String mission,
            String reportedOn,
            int killed,
            int injured,
            Map<String, Object> pipeline) {
        Map<String, Object> body = crime(mission, reportedOn, pipeline);
        Map<String, Object> crime = (Map<String, Object>) body.get("crime");
        crime.put("peacekeepers_killed", killed);
        crime.put("peacekeepers_injured", injured);
        crime.put("crime_type", "direct_attack");
        return body;
    }
}
