package org.a4ptracker.platform.http;

import static org.a4ptracker.support.Api.as;
import static org.a4ptracker.support.Problems.assertProblem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
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

/** Idempotency-Key on POST /priorities/{code}/indicators: a retry never creates twice. */
@QuarkusTest
class IdempotencyTest {

    private static final String PRIORITY = "P6";
    private static final String INDICATORS = "/priorities/" + PRIORITY + "/indicators";

    private static Response post(String role, String key, Map<String, Object> body) {
        return as(role).header("Idempotency-Key", key).body(body).post(INDICATORS);
    }

    @Test
    void retryWithTheSameKeyAndBodyReplaysTheFirstAnswer() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Indicators.input(Indicators.uniqueCode("IDEM"));
        Response first = post("editor", key, body);
        Response retry = post("editor", key, body);

        first.then().statusCode(201);
        retry.then().statusCode(201);
        assertNotNull(first.header("Location"));
        assertThat(
                first.header("Location"),
                endsWith(INDICATORS + "/" + first.jsonPath().getString("id")));
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(first.header("ETag"), retry.header("ETag"));
        assertEquals(first.jsonPath().getMap(""), retry.jsonPath().getMap(""));
        assertEquals(first.asString(), retry.asString());
        assertEquals(1, Indicators.countWithCode(PRIORITY, (String) body.get("code")));
    }

    @Test
    void sameKeyWithAnotherBodyIsA422AndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Indicators.input(Indicators.uniqueCode("IDEM"));
        post("editor", key, body).then().statusCode(201);

        Map<String, Object> other = Indicators.input(Indicators.uniqueCode("IDEM"));
        assertProblem(post("editor", key, other), 422, "/problems/idempotency-key-reused")
                .body("title", equalTo("Idempotency key reused"));
        assertEquals(1, Indicators.countWithCode(PRIORITY, (String) body.get("code")));
        assertEquals(0, Indicators.countWithCode(PRIORITY, (String) other.get("code")));
    }

    @Test
    void keysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> editors = Indicators.input(Indicators.uniqueCode("IDEM"));
        Map<String, Object> admins = Indicators.input(Indicators.uniqueCode("IDEM"));
        Response byEditor = post("editor", key, editors);
        Response byAdmin = post("admin", key, admins);
        byEditor.then().statusCode(201);
        byAdmin.then().statusCode(201);
        assertNotEquals(byEditor.jsonPath().getString("id"), byAdmin.jsonPath().getString("id"));
        assertEquals(1, Indicators.countWithCode(PRIORITY, (String) admins.get("code")));
    }

    @Test
    void concurrentDuplicatesCreateExactlyOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Indicators.input(Indicators.uniqueCode("RACE"));
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(
                        pool.submit(
                                () -> {
                                    start.await();
                                    return post("editor", key, body);
                                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            List<String> bodies = new ArrayList<>();
            List<String> locations = new ArrayList<>();
            for (Future<Response> future : futures) {
                Response response = future.get(60, TimeUnit.SECONDS);
                statuses.add(response.statusCode());
                bodies.add(response.asString());
                locations.add(response.header("Location"));
            }
            assertThat(statuses, everyItem(equalTo(201)));
            assertThat(bodies, everyItem(equalTo(bodies.get(0))));
            assertThat(locations, everyItem(equalTo(locations.get(0))));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, Indicators.countWithCode(PRIORITY, (String) body.get("code")));
    }

    @Test
    void withoutAKeyTwoPostsCreateTwo() {
        Map<String, Object> one = Indicators.input(Indicators.uniqueCode("NOKEY"));
        Map<String, Object> two = Indicators.input(Indicators.uniqueCode("NOKEY"));
        String first =
                as("editor").body(one).post(INDICATORS).then().statusCode(201).extract().path("id");
        String second =
                as("editor").body(two).post(INDICATORS).then().statusCode(201).extract().path("id");
        assertNotEquals(first, second);
        assertEquals(1, Indicators.countWithCode(PRIORITY, (String) one.get("code")));
        assertEquals(1, Indicators.countWithCode(PRIORITY, (String) two.get("code")));
    }

    @Test
    void duplicateCodeIsA409() {
        Map<String, Object> body = Indicators.input(Indicators.uniqueCode("DUP"));
        as("editor").body(body).post(INDICATORS).then().statusCode(201);
        assertProblem(as("editor").body(body).post(INDICATORS), 409, "/problems/conflict")
                .body(
                        "detail",
                        equalTo(
                                "Priority P6 already has an indicator with code "
                                        + body.get("code")
                                        + "."));
        assertEquals(1, Indicators.countWithCode(PRIORITY, (String) body.get("code")));
    }

    @Test
    void aFailedCreationDoesNotBurnTheKey() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> taken = Indicators.input(Indicators.uniqueCode("DUP"));
        as("editor").body(taken).post(INDICATORS).then().statusCode(201);
        assertProblem(post("editor", key, taken), 409, "/problems/conflict");

        taken.put("code", Indicators.uniqueCode("DUP"));
        // The 409 stored nothing under the key, so the corrected request is a new one.
        post("editor", key, taken).then().statusCode(201).body("code", equalTo(taken.get("code")));
    }
}
