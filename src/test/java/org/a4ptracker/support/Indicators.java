package org.a4ptracker.support;

import static org.a4ptracker.support.Api.as;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Test data for indicators: unique codes, so that tests never depend on what else is stored. */
public final class Indicators {

    private Indicators() {}

    /** A code matching the contract's pattern, unique per call, at most 20 characters. */
    public static String uniqueCode(String prefix) {
        return (prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10))
                .toUpperCase(Locale.ROOT);
    }

    /** A valid IndicatorInput body. */
    public static Map<String, Object> input(String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put(
                "name",
                new LinkedHashMap<>(
                        Map.of(
                                "en",
                                "Test indicator " + code,
                                "fr",
                                "Indicateur de test " + code)));
        body.put("unit", "percent");
        body.put("baseline", 42);
        body.put("target", 100);
        body.put("direction", "higher_is_better");
        body.put("data_source", "Test records");
        return body;
    }

    /** Creates an indicator as an editor and answers the 201 response. */
    public static Response create(String priority, Map<String, Object> body) {
        Response response = as("editor").body(body).post("/priorities/" + priority + "/indicators");
        if (response.statusCode() != 201) {
            throw new AssertionError(
                    "Creating "
                            + body
                            + " answered "
                            + response.statusCode()
                            + ": "
                            + response.asString());
        }
        return response;
    }

    /** Every indicator of a priority, read in one page of the maximum size. */
    public static List<Map<String, Object>> all(String priority) {
        JsonPath page =
                as("reader")
                        .queryParam("limit", 200)
                        .get("/priorities/" + priority + "/indicators")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        return page.getList("items");
    }

    public static long countWithCode(String priority, String code) {
        return all(priority).stream().filter(i -> code.equals(i.get("code"))).count();
    }

    /** The path of an indicator, as the contract writes it. */
    public static String path(String priority, String id) {
        return "/priorities/" + priority + "/indicators/" + id;
    }
}
