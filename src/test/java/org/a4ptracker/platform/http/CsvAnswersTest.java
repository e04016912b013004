package org.a4ptracker.platform.http;

import static org.a4ptracker.support.Api.as;
import static org.a4ptracker.support.Api.asIn;
import static org.a4ptracker.support.Cases.create;
import static org.a4ptracker.support.Cases.crime;
import static org.a4ptracker.support.Cases.pipeline;
import static org.a4ptracker.support.Cases.sea;
import static org.a4ptracker.support.Fixtures.createMission;
import static org.a4ptracker.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.a4ptracker.support.Api;
import org.a4ptracker.support.CsvText;
import org.a4ptracker.support.Indicators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lists and statistics as CSV ({@code Accept: text/csv}): the whole filtered list across export
 * batches (the test profile reads 3 rows per batch), the same scope and redaction as the JSON, RFC
 * 4180 quoting, formula injection made harmless, and negotiation. Every call goes through the
 * contract-validating client, CSV answers included.
 */
@QuarkusTest
class CsvAnswersTest {

    private static final String CSV = "text/csv";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String mission;
    private static String other;
    private static String seaCase;

    /** Once per class: 8 cases in one fresh mission (three export batches), one in another. */
    @BeforeEach
    void seed() {
        if (mission != null) {
            return;
        }
        String m = createMission("2015-01-01");
        String o = createMission("2015-01-01");
        seaCase = create(sea(m, "2023-01-05"));
        for (int day = 10; day < 17; day++) {
            create(crime(m, "2023-02-" + day, pipeline(1, 1, 0, 0, 0, 0)));
        }
        create(sea(o, "2023-03-01"));
        other = o;
        mission = m;
    }

    private static Response csv(
            io.restassured.specification.RequestSpecification caller, String path) {
        Response response = caller.accept(CSV).get(path);
        response.then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Vary", equalTo("Accept"));
        return response;
    }

    /** The ids of a list read as JSON, following every cursor. */
    private static List<String> jsonIds(String path) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Response page =
                    as("conduct_officer")
                            .queryParam("limit", 2)
                            .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                            .get(path);
            page.then().statusCode(200);
            ids.addAll(page.jsonPath().getList("items.id"));
            cursor = page.jsonPath().getString("next_cursor");
        } while (cursor != null);
        return ids;
    }

    @Test
    void aListInCsvIsTheWholeFilteredListInTheJsonOrder() {
        String path = "/accountability-cases?mission=" + mission;
        Response response = csv(as("conduct_officer").queryParam("limit", 2), path);
        response.then()
                .header(
                        "Content-Disposition",
                        equalTo("attachment; filename=\"accountability-cases.csv\""));
        assertTrue(
                response.contentType().toLowerCase().replace(" ", "").contains("charset=utf-8"),
                response.contentType());
        List<Map<String, String>> records = CsvText.records(response.asString());
        assertEquals(jsonIds(path), records.stream().map(r -> r.get("id")).toList());
        assertEquals(8, records.size());
        assertEquals(
                List.of(
                        "id",
                        "reference",
                        "kind",
                        "mission_acronym",
                        "status",
                        "reported_on",
                        "category",
                        "personnel_category",
                        "days_open",
                        "overdue",
                        "crime_type"),
                CsvText.header(response.asString()));
        Map<String, String> sea = records.get(records.size() - 1);
        assertEquals("sea", sea.get("category"));
        assertEquals("", sea.get("crime_type"));
        assertEquals("false", sea.get("overdue"));
        assertEquals("ied", records.get(0).get("crime_type"));
    }

    @Test
    void aCsvStartsAtTheCursorAndRunsToTheEnd() {
        String path = "/accountability-cases?mission=" + mission;
        Response first = as("reader").queryParam("limit", 2).get(path);
        List<String> all = jsonIds(path);
        Response rest =
                csv(
                        as("reader")
                                .queryParam("cursor", first.jsonPath().getString("next_cursor")),
                        path);
        assertEquals(
                all.subList(2, all.size()),
                CsvText.records(rest.asString()).stream().map(r -> r.get("id")).toList());
    }

    @Test
    void aCsvHasTheScopeAndTheRedactionOfTheJson() throws Exception {
        Response scoped = csv(asIn(List.of(other), "reader"), "/accountability-cases");
        List<Map<String, String>> records = CsvText.records(scoped.asString());
        assertEquals(1, records.size());
        assertEquals(other, records.get(0).get("mission_acronym"));
        assertFalse(
                CsvText.header(scoped.asString()).stream().anyMatch(c -> c.contains("victim")),
                "a list has no victim columns");

        String history = "/accountability-cases/" + seaCase + "/history";
        List<String> officerFields =
                CsvText.records(csv(as("conduct_officer"), history).asString()).stream()
                        .map(r -> r.get("changed_fields"))
                        .toList();
        List<String> readerFields =
                CsvText.records(csv(as("reader"), history).asString()).stream()
                        .map(r -> r.get("changed_fields"))
                        .toList();
        assertTrue(officerFields.get(0).contains("\"misconduct.victims\""), officerFields.get(0));
        assertFalse(readerFields.get(0).contains("victims"), readerFields.get(0));
        assertFalse(readerFields.get(0).contains("paternity"), readerFields.get(0));
        assertEquals(
                as("reader").get(history).jsonPath().getList("items[0].changed_fields"),
                JSON.readValue(readerFields.get(0), List.class));

        Response reads =
                as("reader").accept(CSV).get("/accountability-cases/" + seaCase + "/reads");
        assertProblem(reads, 403, "/problems/forbidden");
    }

    @Test
    void cellsThatASpreadsheetWouldRunAreText() {
        String code = Indicators.uniqueCode("CSV");
        Map<String, Object> input = Indicators.input(code);
        input.put("name", Map.of("en", "=HYPERLINK(\"http://x.example\",\"y\")", "fr", "@SUM(A1)"));
        input.put("unit", "+cmd");
        input.put("data_source", "\tcmd, then \"more\"\r\nnext line");
        input.put("baseline", -3);
        Indicators.create("P6", input);
        String code2 = Indicators.uniqueCode("CSV");
        Map<String, Object> input2 = Indicators.input(code2);
        input2.put("unit", "-cmd");
        input2.put("data_source", "\rcmd");
        Indicators.create("P6", input2);

        String text = csv(as("reader"), "/priorities/P6/indicators").asString();
        Map<String, Map<String, String>> byCode = new LinkedHashMap<>();
        CsvText.records(text).forEach(r -> byCode.put(r.get("code"), r));
        Map<String, String> first = byCode.get(code);
        assertEquals("'=HYPERLINK(\"http://x.example\",\"y\")", first.get("name.en"));
        assertEquals("'@SUM(A1)", first.get("name.fr"));
        assertEquals("'+cmd", first.get("unit"));
        assertEquals("'\tcmd, then \"more\"\r\nnext line", first.get("data_source"));
        assertEquals("-3", first.get("baseline"), "a number stays a number");
        assertEquals("100", first.get("target"), "as the JSON writes it");
        assertEquals("'-cmd", byCode.get(code2).get("unit"));
        assertEquals("'\rcmd", byCode.get(code2).get("data_source"));
        assertTrue(
                text.contains("\"'=HYPERLINK(\"\"http://x.example\"\",\"\"y\"\")\""),
                "quotes doubled inside a quoted cell");
    }

    @Test
    void csvIsUtf8AndFollowsTheLanguage() {
        Response response = csv(as("reader").header("Accept-Language", "fr"), "/priorities");
        response.then().header("Content-Language", "fr");
        String text = new String(response.asByteArray(), StandardCharsets.UTF_8);
        List<Map<String, String>> records = CsvText.records(text);
        assertEquals(9, records.size());
        assertEquals(
                "Cohérence collective autour d'une stratégie politique",
                records.get(0).get("title"));
        assertEquals(
                List.of("code", "kind", "position", "title", "description"), CsvText.header(text));
    }

    @Test
    void acceptDecides() {
        String path = "/accountability-cases?mission=" + mission + "&limit=1";
        as("reader").accept("text/*").get(path).then().statusCode(200).contentType(startsWith(CSV));
        as("reader")
                .accept("text/csv;q=0.5, application/json")
                .get(path)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"));
        as("reader")
                .accept("*/*")
                .get(path)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"));
        assertProblem(
                Api.invalid("reader").accept("application/xml").get(path),
                406,
                "/problems/not-acceptable");
        assertProblem(
                Api.invalid("reader").accept(CSV).get("/missions/" + mission),
                406,
                "/problems/not-acceptable");
    }

    @Test
    void statisticsInCsvAreTheirGroups() {
        Response response =
                csv(
                        asIn(List.of(mission, other), "reader")
                                .queryParam("group_by", "mission", "kind"),
                        "/accountability-cases/statistics");
        String text = response.asString();
        List<String> header = CsvText.header(text);
        assertEquals(
                List.of(
                        "mission_acronym",
                        "kind",
                        "allegations",
                        "victims.total",
                        "victims.women",
                        "victims.girls",
                        "victims.men",
                        "victims.boys",
                        "victims.age_unknown",
                        "investigations",
                        "final_actions"),
                header);
        List<Map<String, String>> records = CsvText.records(text);
        assertEquals(3, records.size());
        Map<String, String> crimes =
                records.stream()
                        .filter(r -> r.get("mission_acronym").equals(mission))
                        .filter(r -> r.get("kind").equals("crime_against_peacekeepers"))
                        .findFirst()
                        .orElseThrow();
        assertEquals("7", crimes.get("allegations"));
        assertEquals("[]", crimes.get("investigations"));
        assertEquals("{}", crimes.get("final_actions"));
    }
}
