package org.a4ptracker.accountability;

import static org.a4ptracker.support.Api.anonymous;
import static org.a4ptracker.support.Api.as;
import static org.a4ptracker.support.Cases.sea;
import static org.a4ptracker.support.Cases.victim;
import static org.a4ptracker.support.Fixtures.createMission;
import static org.a4ptracker.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.a4ptracker.support.Api;
import org.a4ptracker.support.CsvText;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /public/statistics over crafted cases in a fresh mission, all reported in 2019, read without
 * a token:
 *
 * <pre>
 * personnel category   cases  women  men  final actions
 * civilian_international   1      1    4  1 dismissal
 * military_contingent      4      3    5  3 repatriation_and_ban
 * individual_police        5      6    2  4 repatriation_and_ban
 * totals                  10     10   11  1 dismissal, 7 repatriation_and_ban
 * </pre>
 *
 * With k = 3 the small counts are 1 allegation, 1 woman, 2 men and the dismissals; an {@link
 * Attacker} then tries to work each of them out from what was published.
 */
@QuarkusTest
class PublicStatisticsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> GROUPS =
            List.of("civilian_international", "military_contingent", "individual_police");
    private static final long[][] CASES = {{1}, {4}, {5}};
    private static final long[][] VICTIMS = {{1, 0, 4, 0, 0}, {3, 0, 5, 0, 0}, {6, 0, 2, 0, 0}};
    private static final List<String> ACTION_TYPES =
            List.of(
                    "repatriation_and_ban",
                    "dismissal",
                    "censure",
                    "reprimand",
                    "imprisonment",
                    "demotion",
                    "pending_member_state_action",
                    "none");
    private static final long[][] ACTIONS = {
        {0, 1, 0, 0, 0, 0, 0, 0}, {3, 0, 0, 0, 0, 0, 0, 0}, {4, 0, 0, 0, 0, 0, 0, 0}
    };

    private static String mission;

    @BeforeEach
    void seed() {
        if (mission != null) {
            return;
        }
        String m = createMission("2015-01-01");
        create(seaCase(m, "civilian_international", victims(1, 4), List.of(action("dismissal"))));
        int[][] military = {{1, 2}, {1, 1}, {1, 1}, {0, 1}};
        for (int i = 0; i < military.length; i++) {
            create(
                    seaCase(
                            m,
                            "military_contingent",
                            victims(military[i][0], military[i][1]),
                            i < 3 ? List.of(action("repatriation_and_ban")) : List.of()));
        }
        int[][] police = {{2, 1}, {2, 0}, {1, 1}, {1, 0}, {0, 0}};
        for (int i = 0; i < police.length; i++) {
            create(
                    seaCase(
                            m,
                            "individual_police",
                            victims(police[i][0], police[i][1]),
                            i < 4 ? List.of(action("repatriation_and_ban")) : List.of()));
        }
        mission = m;
    }

    private static void create(Map<String, Object> body) {
        Response answer = as("conduct_officer").body(body).post("/accountability-cases");
        assertEquals(201, answer.statusCode(), answer.asString());
    }

    private static List<Map<String, Object>> victims(int women, int men) {
        List<Map<String, Object>> victims = new ArrayList<>();
        victims.addAll(Collections.nCopies(women, victim("female", "adult")));
        victims.addAll(Collections.nCopies(men, victim("male", "adult")));
        return victims;
    }

    private static Map<String, Object> action(String type) {
        return Map.of("type", type, "taken_on", "2019-09-01");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> seaCase(
            String mission,
            String personnel,
            List<Map<String, Object>> victims,
            List<Map<String, Object>> actions) {
        Map<String, Object> body = sea(mission, "2019-06-15");
        Map<String, Object> misconduct = (Map<String, Object>) body.get("misconduct");
        misconduct.put("personnel_category", personnel);
        if (personnel.startsWith("civilian")) {
            misconduct.remove("perpetrator_nationality");
        }
        misconduct.put("victims", victims);
        misconduct.put("paternity_claims", List.of());
        misconduct.put("final_actions", actions);
        return body;
    }

    private static Response published(String query) {
        return anonymous().get("/public/statistics?mission=" + mission + query);
    }

    private static JsonNode json(Response response) throws Exception {
        return JSON.readTree(response.asString());
    }

    /** The groups in the order of {@link #GROUPS}, then the totals. */
    private static List<JsonNode> rows(JsonNode body) {
        List<JsonNode> rows = new ArrayList<>();
        for (String group : GROUPS) {
            for (JsonNode g : body.get("groups")) {
                if (g.get("personnel_category").asText().equals(group)) {
                    rows.add(g);
                }
            }
        }
        assertEquals(GROUPS.size(), rows.size(), body.toString());
        rows.add(body.get("totals"));
        return rows;
    }

    /** One table as the attacker reads it: the truth with totals, and what was published. */
    private static Attacker attacker(
            long[][] cells, boolean rowTotals, List<JsonNode> rows, List<String> members) {
        int columns = cells[0].length + (rowTotals ? 1 : 0);
        long[][] truth = new long[cells.length + 1][columns];
        String[][] shown = new String[cells.length + 1][columns];
        for (int r = 0; r < cells.length; r++) {
            for (int c = 0; c < cells[r].length; c++) {
                truth[r][c] = cells[r][c];
                truth[cells.length][c] += cells[r][c];
                if (rowTotals) {
                    truth[r][columns - 1] += cells[r][c];
                    truth[cells.length][columns - 1] += cells[r][c];
                }
            }
        }
        for (int r = 0; r <= cells.length; r++) {
            for (int c = 0; c < columns; c++) {
                shown[r][c] = rows.get(r).at(members.get(c)).asText();
            }
        }
        return new Attacker(truth, shown, rowTotals, 3);
    }

    @Test
    void anyoneReadsThemWithoutAToken() {
        Response answer = published("&group_by=personnel_category");
        answer.then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("threshold", equalTo(3))
                .body("group_by", equalTo(List.of("personnel_category")));
        assertProblem(
                anonymous().get("/accountability-cases/statistics"), 401, "/problems/unauthorized");
        assertProblem(anonymous().get("/accountability-cases"), 401, "/problems/unauthorized");
    }

    @Test
    void noSuppressedCountCanBeWorkedOutFromWhatIsPublished() throws Exception {
        List<JsonNode> rows = rows(json(published("&group_by=personnel_category")));
        JsonNode civilians = rows.get(0);
        JsonNode totals = rows.get(3);
        assertEquals("<3", civilians.at("/allegations").asText());
        assertEquals("<3", civilians.at("/victims/women").asText());
        assertEquals("<3", rows.get(2).at("/victims/men").asText());
        assertEquals("<3", civilians.at("/final_actions/dismissal").asText());
        assertEquals("<3", totals.at("/final_actions/dismissal").asText(), "totals are suppressed");
        assertEquals(10, totals.at("/allegations").asInt());
        assertEquals(21, totals.at("/victims/total").asInt());
        assertEquals(7, totals.at("/final_actions/repatriation_and_ban").asInt());
        assertEquals(0, civilians.at("/victims/girls").asInt(), "zeros stay zeros");

        List<Attacker> tables =
                List.of(
                        attacker(CASES, false, rows, List.of("/allegations")),
                        attacker(
                                VICTIMS,
                                true,
                                rows,
                                List.of(
                                        "/victims/women",
                                        "/victims/girls",
                                        "/victims/men",
                                        "/victims/boys",
                                        "/victims/age_unknown",
                                        "/victims/total")),
                        attacker(
                                ACTIONS,
                                false,
                                rows,
                                ACTION_TYPES.stream().map(t -> "/final_actions/" + t).toList()));
        int suppressed = 0;
        for (Attacker table : tables) {
            assertEquals(List.of(), table.determined());
            assertEquals(List.of(), table.narrowed());
            suppressed += table.suppressed();
        }
        assertTrue(suppressed >= 10, "the crafted data needs complementary suppression");
        assertTrue(
                rows.stream().anyMatch(r -> r.toString().contains("\"suppressed\"")),
                "complementary suppression was needed");
    }

    /** The contract's examples show exactly these cases, as JSON and as CSV. */
    @Test
    void theContractShowsTheseVeryFigures() throws Exception {
        JsonNode operation =
                new YAMLMapper()
                        .readTree(Api.spec())
                        .at("/paths/~1public~1statistics/get/responses/200/content");
        assertEquals(
                operation.at("/application~1json/examples/by_personnel_category/value"),
                json(published("&group_by=personnel_category")));
        assertEquals(
                operation.at("/text~1csv/examples/csv/value").asText().replace("\n", "\r\n"),
                anonymous()
                        .accept("text/csv")
                        .get(
                                "/public/statistics?mission="
                                        + mission
                                        + "&group_by=personnel_category")
                        .asString());
    }

    @Test
    void onlyWhatIsSafeToPublish() throws Exception {
        JsonNode body = json(published("&group_by=year&group_by=kind&from_year=2019&to_year=2019"));
        Set<String> allowed =
                Set.of(
                        "mission_acronym",
                        "year",
                        "kind",
                        "category",
                        "personnel_category",
                        "status",
                        "allegations",
                        "victims",
                        "final_actions");
        for (JsonNode group : body.get("groups")) {
            group.fieldNames()
                    .forEachRemaining(
                            name -> assertTrue(allowed.contains(name), name + " is published"));
            assertEquals(2019, group.get("year").asInt());
        }
        assertEquals(10, body.at("/totals/allegations").asInt());
        assertEquals(
                0,
                json(published("&from_year=2020")).at("/totals/allegations").asInt(),
                "no case of the mission after 2019");
    }

    @Test
    void answersAreCacheableByAnyoneAndRevalidated() throws Exception {
        Response first = published("&group_by=personnel_category");
        first.then()
                .statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=300"))
                .header("Vary", equalTo("Accept"));
        String etag = first.header("ETag");
        anonymous()
                .header("If-None-Match", etag)
                .get("/public/statistics?mission=" + mission + "&group_by=personnel_category")
                .then()
                .statusCode(304)
                .header("ETag", equalTo(etag))
                .header("Vary", equalTo("Accept"))
                .header("Cache-Control", equalTo("public, max-age=300"));
        String csvTag =
                anonymous()
                        .accept("text/csv")
                        .get(
                                "/public/statistics?mission="
                                        + mission
                                        + "&group_by=personnel_category")
                        .header("ETag");
        assertNotEquals(etag, csvTag, "each representation has its own ETag");

        String other = createMission("2015-01-01");
        String before = anonymous().get("/public/statistics?mission=" + other).header("ETag");
        create(sea(other, "2019-01-01"));
        anonymous()
                .header("If-None-Match", before)
                .get("/public/statistics?mission=" + other)
                .then()
                .statusCode(200)
                .body("totals.allegations", equalTo("<3"));
    }

    @Test
    void csvHasOneRowPerGroupThenTheTotals() {
        Response answer =
                anonymous()
                        .accept("text/csv")
                        .get(
                                "/public/statistics?mission="
                                        + mission
                                        + "&group_by=personnel_category");
        answer.then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header(
                        "Content-Disposition",
                        equalTo("attachment; filename=\"public-statistics.csv\""))
                .header("Cache-Control", equalTo("public, max-age=300"));
        String text = answer.asString();
        List<String> header = CsvText.header(text);
        assertEquals("personnel_category", header.get(0));
        assertEquals(
                List.of(
                        "allegations",
                        "victims.total",
                        "victims.women",
                        "victims.girls",
                        "victims.men",
                        "victims.boys",
                        "victims.age_unknown"),
                header.subList(1, 8));
        assertEquals(
                ACTION_TYPES.stream().map(t -> "final_actions." + t).toList(),
                header.subList(8, header.size()));
        List<Map<String, String>> records = CsvText.records(text);
        assertEquals(4, records.size());
        Map<String, String> totals = records.get(3);
        assertEquals("total", totals.get("personnel_category"));
        assertEquals("10", totals.get("allegations"));
        assertEquals("<3", totals.get("final_actions.dismissal"));
        Map<String, String> civilians =
                records.stream()
                        .filter(r -> r.get("personnel_category").equals("civilian_international"))
                        .findFirst()
                        .orElseThrow();
        assertEquals("<3", civilians.get("allegations"));
        assertEquals("<3", civilians.get("victims.women"));
    }
}
