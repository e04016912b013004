package org.a4ptracker.priority;

import static org.a4ptracker.support.Api.as;
import static org.a4ptracker.support.Api.invalid;
import static org.a4ptracker.support.Problems.assertProblem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.a4ptracker.support.Indicators;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IndicatorResourceTest {

    /** Only read here, never written by any test: its three seeded indicators stay as seeded. */
    private static final String SEEDED = "P3";

    private static final String PRIORITY = "X-DATA";
    private static final String INDICATORS = "/priorities/" + PRIORITY + "/indicators";

    @Test
    void createAnswers201WithLocationETagAndTheStoredIndicator() {
        Map<String, Object> body = Indicators.input(Indicators.uniqueCode("CRUD"));
        body.put("baseline", 5.4);
        body.put("target", 15);
        Response created = as("editor").body(body).post(INDICATORS);
        created.then()
                .statusCode(201)
                .body("priority_code", equalTo(PRIORITY))
                .body("code", equalTo(body.get("code")))
                .body("name.en", equalTo(((Map<?, ?>) body.get("name")).get("en")))
                .body("name.fr", equalTo(((Map<?, ?>) body.get("name")).get("fr")))
                .body("unit", equalTo("percent"))
                .body("baseline", equalTo(5.4f))
                .body("target", equalTo(15))
                .body("direction", equalTo("higher_is_better"))
                .body("data_source", equalTo("Test records"));
        String id = created.jsonPath().getString("id");
        assertThat(created.header("Location"), endsWith(INDICATORS + "/" + id));

        Response read = as("reader").get(created.header("Location"));
        read.then().statusCode(200).header("ETag", equalTo(created.header("ETag")));
        assertEquals(
                created.jsonPath().getMap(""),
                read.jsonPath().getMap(""),
                "A read answers exactly what the creation answered");
    }

    @Test
    void dataSourceIsOptional() {
        Map<String, Object> body = Indicators.input(Indicators.uniqueCode("NOSRC"));
        body.remove("data_source");
        Response created = as("editor").body(body).post(INDICATORS);
        created.then().statusCode(201).body("data_source", nullValue());
    }

    @Test
    void replaceChangesEverythingButIdAndCreation() {
        Map<String, Object> body = Indicators.input(Indicators.uniqueCode("PUT"));
        Response created = Indicators.create(PRIORITY, body);
        String path = Indicators.path(PRIORITY, created.jsonPath().getString("id"));

        Map<String, Object> changed = Indicators.input(Indicators.uniqueCode("PUT"));
        changed.put("name", Map.of("en", "Renamed", "fr", "Renommé"));
        changed.put("unit", "count per year");
        changed.put("baseline", 27);
        changed.put("target", 0);
        changed.put("direction", "lower_is_better");
        changed.remove("data_source");
        Response replaced =
                as("editor").header("If-Match", created.header("ETag")).body(changed).put(path);
        replaced.then()
                .statusCode(200)
                .body("id", equalTo(created.jsonPath().getString("id")))
                .body("code", equalTo(changed.get("code")))
                .body("name.fr", equalTo("Renommé"))
                .body("unit", equalTo("count per year"))
                .body("baseline", equalTo(27))
                .body("target", equalTo(0))
                .body("direction", equalTo("lower_is_better"))
                .body("data_source", nullValue())
                .body("created_at", equalTo(created.jsonPath().getString("created_at")));
        assertTrue(
                !OffsetDateTime.parse(replaced.jsonPath().getString("updated_at"))
                        .isBefore(
                                OffsetDateTime.parse(created.jsonPath().getString("updated_at"))));
        assertEquals(replaced.jsonPath().getMap(""), as("reader").get(path).jsonPath().getMap(""));
        assertEquals(0, Indicators.countWithCode(PRIORITY, (String) body.get("code")));
    }

    @Test
    void replacingWithTheCodeOfAnotherIndicatorIsA409() {
        Map<String, Object> first = Indicators.input(Indicators.uniqueCode("TAKEN"));
        Indicators.create(PRIORITY, first);
        Response second =
                Indicators.create(PRIORITY, Indicators.input(Indicators.uniqueCode("TAKEN")));
        String path = Indicators.path(PRIORITY, second.jsonPath().getString("id"));
        assertProblem(
                as("editor").header("If-Match", second.header("ETag")).body(first).put(path),
                409,
                "/problems/conflict");
        as("reader").get(path).then().body("code", equalTo(second.jsonPath().getString("code")));
    }

    @Test
    void deleteAcceptsAClientThatAsksForJson() {
        Response created =
                Indicators.create(PRIORITY, Indicators.input(Indicators.uniqueCode("DEL")));
        String path = Indicators.path(PRIORITY, created.jsonPath().getString("id"));
        // The contract lists no JSON for DELETE (a 204 has no body), but a client that always asks
        // for JSON must not get a 406 for it.
        invalid("editor")
                .accept("application/json")
                .header("If-Match", created.header("ETag"))
                .delete(path)
                .then()
                .statusCode(204);
        assertProblem(as("reader").get(path), 404, "/problems/not-found");
    }

    @Test
    void deleteChecksThePriorityCodeToo() {
        assertProblem(
                        invalid("editor")
                                .header("If-Match", "\"0\"")
                                .delete("/priorities/P9/indicators/" + UUID.randomUUID()),
                        400,
                        "/problems/validation-error")
                .body("errors.parameter", containsInAnyOrder("code"));
    }

    @Test
    void anIndicatorIsOnlyFoundUnderItsOwnPriority() {
        Response created =
                Indicators.create(PRIORITY, Indicators.input(Indicators.uniqueCode("OWN")));
        assertProblem(
                as("reader").get(Indicators.path("P1", created.jsonPath().getString("id"))),
                404,
                "/problems/not-found");
    }

    @Test
    void numbersThatCannotBeStoredExactlyAreA400() {
        Map<String, Object> body = Indicators.input(Indicators.uniqueCode("BIG"));
        body.put("baseline", new java.math.BigDecimal("1000000000000"));
        // Beyond the contract's maximum (10 digits before the point).
        assertProblem(
                        invalid("editor").body(body).post(INDICATORS),
                        400,
                        "/problems/validation-error")
                .body("errors.pointer", contains("/baseline"));
        // Within the range, but with more decimals than the column keeps (the contract says so in
        // prose).
        body.put("baseline", new java.math.BigDecimal("12.5"));
        body.put("target", new java.math.BigDecimal("1.23456"));
        assertProblem(as("editor").body(body).post(INDICATORS), 400, "/problems/validation-error")
                .body("errors.pointer", contains("/target"));
        assertEquals(0, Indicators.countWithCode(PRIORITY, (String) body.get("code")));

        body.put("baseline", new java.math.BigDecimal("9999999999.9999"));
        body.put("target", new java.math.BigDecimal("-0.0001"));
        Response stored = as("editor").body(body).post(INDICATORS);
        stored.then().statusCode(201);
        // Compared as text: REST Assured reads JSON numbers as float/double and would round them.
        assertThat(
                stored.asString(),
                org.hamcrest.Matchers.containsString("\"baseline\":9999999999.9999,"));
        assertThat(stored.asString(), org.hamcrest.Matchers.containsString("\"target\":-0.0001,"));
        assertThat(
                as("reader").get(stored.header("Location")).asString(),
                org.hamcrest.Matchers.containsString("\"baseline\":9999999999.9999,"));
    }

    @Test
    void concurrentCreationsWithOneCodeCreateOnceAndAnswer409ToTheOthers() throws Exception {
        Map<String, Object> body = Indicators.input(Indicators.uniqueCode("RACE"));
        int threads = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(
                        pool.submit(
                                () -> {
                                    start.await();
                                    return as("editor").body(body).post(INDICATORS);
                                }));
            }
            start.countDown();
            for (Future<Response> future : futures) {
                Response response = future.get(60, TimeUnit.SECONDS);
                statuses.add(response.statusCode());
                if (response.statusCode() != 201) {
                    assertProblem(response, 409, "/problems/conflict");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "statuses " + statuses);
        assertEquals(1, Indicators.countWithCode(PRIORITY, (String) body.get("code")));
    }

    @Test
    void limitTwoWalksEveryPageOfASeededPriority() {
        List<String> everything =
                Indicators.all(SEEDED).stream().map(i -> (String) i.get("id")).toList();
        assertThat(
                Indicators.all(SEEDED).stream().map(i -> (String) i.get("code")).toList(),
                hasItems("P3-01", "P3-02", "P3-03"));

        List<String> walked = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as("reader").queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page =
                    request.get("/priorities/" + SEEDED + "/indicators")
                            .then()
                            .statusCode(200)
                            .body("items.size()", lessThanOrEqualTo(2))
                            .body("items.priority_code", everyItem(equalTo(SEEDED)))
                            .extract()
                            .jsonPath();
            walked.addAll(page.getList("items.id"));
            codes.addAll(page.getList("items.code"));
            cursor = page.getString("next_cursor");
            if (cursor != null) {
                assertEquals(2, page.getList("items").size(), "only the last page may be short");
            }
            pages++;
        } while (cursor != null && pages < 100);

        assertEquals(new HashSet<>(walked).size(), walked.size(), "no indicator twice: " + walked);
        assertEquals(everything, walked, "no gaps, same order as one big page");
        assertEquals(codes.stream().sorted().toList(), codes, "ordered by code");
        assertEquals((everything.size() + 1) / 2, pages);
        assertThat(walked, hasSize(everything.size()));
    }

    @Test
    void theLastPageHasNoCursor() {
        Response response =
                as("reader").queryParam("limit", 200).get("/priorities/" + SEEDED + "/indicators");
        response.then()
                .statusCode(200)
                .body("next_cursor", nullValue())
                .body("items.code", hasItems("P3-01", "P3-02", "P3-03"));
        assertThat(response.asString(), not(org.hamcrest.Matchers.containsString("next_cursor")));
    }

    @Test
    void pagingWalksIndicatorsCreatedMeanwhileWithoutRepeatingAny() {
        String prefix = Indicators.uniqueCode("PG").substring(0, 9);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(
                    Indicators.create(PRIORITY, Indicators.input(prefix + "-" + i))
                            .jsonPath()
                            .getString("id"));
        }
        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as("reader").queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(INDICATORS).then().statusCode(200).extract().jsonPath();
            walked.addAll(page.getList("items.id"));
            cursor = page.getString("next_cursor");
            pages++;
        } while (cursor != null && pages < 1000);
        assertEquals(new HashSet<>(walked).size(), walked.size());
        assertThat(created, everyItem(in(walked)));
    }

    @Test
    void prioritiesOutsideThePatternAreA400ForIndicatorsToo() {
        assertProblem(
                        invalid("reader").get("/priorities/P9/indicators"),
                        400,
                        "/problems/validation-error")
                .body("errors.parameter", containsInAnyOrder("code"));
    }
}
