package org.a4ptracker.events;

import static org.a4ptracker.support.Api.as;
import static org.a4ptracker.support.Api.asIn;
import static org.a4ptracker.support.Api.invalid;
import static org.a4ptracker.support.Problems.assertProblem;
import static org.a4ptracker.support.Webhooks.STATUS_CHANGED;
import static org.a4ptracker.support.Webhooks.subscribe;
import static org.a4ptracker.support.Webhooks.subscribeIn;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.a4ptracker.support.CsvText;
import org.a4ptracker.support.Fixtures;
import org.a4ptracker.support.Webhooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Managing webhook subscriptions: admins only, secrets shown once, URLs checked, ETags. */
@QuarkusTest
class WebhookSubscriptionResourceTest {

    private static final String PATH = "/webhook-subscriptions";
    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String HOOK = "http://127.0.0.1:9/hook";

    @AfterEach
    void cleanUp() {
        Webhooks.unsubscribeAll();
    }

    @Test
    void createShowsTheSecretOnceAndReadsNeverShowIt() {
        String mission = Fixtures.createMission("2020-01-01");
        Response created =
                as("admin")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .body(
                                Map.of(
                                        "url",
                                        HOOK,
                                        "types",
                                        List.of(STATUS_CHANGED),
                                        "missions",
                                        List.of(mission)))
                        .post(PATH);
        created.then()
                .statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .header("Location", endsWith(PATH + "/" + created.path("id")))
                .body("secret", matchesPattern("whsec_[A-Za-z0-9+/]{43}="))
                .body("url", equalTo(HOOK))
                .body("types", contains(STATUS_CHANGED))
                .body("missions", contains(mission))
                .body("status", equalTo("active"))
                .body("created_by", equalTo("test-admin"));
        String id = created.path("id");
        Webhooks.track(id);

        as("admin")
                .get(PATH + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("id", equalTo(id))
                .body("$", not(org.hamcrest.Matchers.hasKey("secret")));
        List<Map<String, Object>> listed =
                as("admin")
                        .queryParam("limit", 200)
                        .get(PATH)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("items");
        assertFalse(listed.isEmpty());
        listed.forEach(item -> assertFalse(item.containsKey("secret"), item.toString()));
        as("admin").header("If-Match", "\"0\"").delete(PATH + "/" + id).then().statusCode(204);
    }

    @Test
    void anIdempotencyKeyReplaysTheCreationToItsCallerWithTheSameSecret() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("url", HOOK, "types", List.of(STATUS_CHANGED));
        JsonPath first =
                as("admin")
                        .header("Idempotency-Key", key)
                        .body(body)
                        .post(PATH)
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath();
        Webhooks.track(first.getString("id"));
        as("admin")
                .header("Idempotency-Key", key)
                .body(body)
                .post(PATH)
                .then()
                .statusCode(201)
                .body("id", equalTo(first.getString("id")))
                .body("secret", equalTo(first.getString("secret")));
        assertProblem(
                as("admin").header("Idempotency-Key", key).body(Map.of("url", HOOK)).post(PATH),
                422,
                "/problems/idempotency-key-reused");
        as("admin")
                .header("If-Match", "*")
                .delete(PATH + "/" + first.getString("id"))
                .then()
                .statusCode(204);
    }

    @Test
    void subscriptionsAndDeliveriesAreListedInCsvWithoutSecrets() {
        String id = subscribe(Map.of("url", HOOK + "/csv")).getString("id");
        Response subscriptions = as("admin").accept("text/csv").get(PATH);
        subscriptions
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Vary", equalTo("Accept"));
        String text = subscriptions.asString();
        assertEquals(
                List.of("id", "url", "types", "missions", "status", "created_at", "created_by"),
                CsvText.header(text));
        assertTrue(
                CsvText.records(text).stream()
                        .anyMatch(
                                row ->
                                        row.get("id").equals(id)
                                                && row.get("url").equals(HOOK + "/csv")),
                text);
        assertFalse(text.contains("whsec_"), "no secret in the list");
        Response deliveries = as("admin").accept("text/csv").get(PATH + "/" + id + "/deliveries");
        deliveries.then().statusCode(200).contentType(startsWith("text/csv"));
        assertEquals("id", CsvText.header(deliveries.asString()).get(0));
        assertProblem(
                as("admin").accept("text/csv").get(PATH + "/" + UUID.randomUUID() + "/deliveries"),
                404,
                "/problems/not-found");
    }

    @Test
    void onlyAdminsManageSubscriptions() {
        String id = subscribe(Map.of("url", HOOK)).getString("id");
        for (String role : List.of("reader", "editor", "conduct_officer")) {
            assertProblem(as(role).get(PATH), 403, "/problems/forbidden");
            assertProblem(as(role).get(PATH + "/" + id), 403, "/problems/forbidden");
            assertProblem(
                    as(role).body(Map.of("url", HOOK)).post(PATH), 403, "/problems/forbidden");
            assertProblem(
                    as(role).header("If-Match", "*").delete(PATH + "/" + id),
                    403,
                    "/problems/forbidden");
        }
    }

    @Test
    void urlsLeadingInsideTheDeploymentAreRefused() {
        for (String url :
                List.of(
                        "https://10.0.0.5/hook",
                        "http://10.0.0.5/hook",
                        "https://169.254.169.254/latest/meta-data/",
                        "https://metadata.google.internal/",
                        "http://dashboards.example.org/hook",
                        "https://user:pw@dashboards.example.org/hook")) {
            assertProblem(
                            as("admin").body(Map.of("url", url)).post(PATH),
                            400,
                            "/problems/validation-error")
                    .body("errors.pointer", contains("/url"));
        }
        String id = subscribe(Map.of("url", HOOK)).getString("id");
        assertProblem(
                        patch(id, "\"0\"", Map.of("url", "https://192.168.0.10/")),
                        400,
                        "/problems/validation-error")
                .body("errors.pointer", contains("/url"));
    }

    private static Response patch(String id, String etag, Map<String, Object> body) {
        return as("admin")
                .contentType(MERGE_PATCH)
                .header("If-Match", etag)
                .body(body)
                .patch(PATH + "/" + id);
    }

    @Test
    void aPatchNeedsTheCurrentETagAndChangesOnlyWhatItNames() {
        String mission = Fixtures.createMission("2020-01-01");
        String id =
                subscribe(
                                Map.of(
                                        "url",
                                        HOOK,
                                        "types",
                                        List.of(STATUS_CHANGED),
                                        "missions",
                                        List.of(mission)))
                        .getString("id");
        assertProblem(
                invalid("admin")
                        .contentType(MERGE_PATCH)
                        .body(Map.of("status", "paused"))
                        .patch(PATH + "/" + id),
                428,
                "/problems/precondition-required");
        assertProblem(
                patch(id, "\"7\"", Map.of("status", "paused")),
                412,
                "/problems/precondition-failed");

        patch(id, "\"0\"", Map.of("status", "paused"))
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("status", equalTo("paused"))
                .body("types", contains(STATUS_CHANGED))
                .body("missions", contains(mission))
                .body("url", equalTo(HOOK));
        patch(id, "\"1\"", Map.of("types", List.of(), "url", "http://localhost:9/other"))
                .then()
                .statusCode(200)
                .body("types", empty())
                .body("url", equalTo("http://localhost:9/other"))
                .body("status", equalTo("paused"));
        assertProblem(
                        patch(id, "\"2\"", Map.of("status", "failing")),
                        400,
                        "/problems/validation-error")
                .body("errors.pointer", contains("/status"));
        patch(id, "\"2\"", Map.of("status", "active"))
                .then()
                .statusCode(200)
                .body("status", equalTo("active"));
    }

    @Test
    void missionsMustExistWithinTheCreatorsToken() {
        String own = Fixtures.createMission("2020-01-01");
        String other = Fixtures.createMission("2020-01-01");
        assertProblem(
                        asIn(List.of(own), "admin")
                                .body(Map.of("url", HOOK, "missions", List.of(own, other)))
                                .post(PATH),
                        400,
                        "/problems/validation-error")
                .body("errors.pointer", contains("/missions/1"));
        assertProblem(
                        as("admin")
                                .body(Map.of("url", HOOK, "missions", List.of("NOSUCHMISSION")))
                                .post(PATH),
                        400,
                        "/problems/validation-error")
                .body("errors.pointer", contains("/missions/0"));

        // A subscription of one mission's admin: its scope is that mission, for good.
        String scoped = subscribeIn(List.of(own), Map.of("url", HOOK)).getString("id");
        assertProblem(
                        patch(scoped, "\"0\"", Map.of("missions", List.of(other))),
                        400,
                        "/problems/validation-error")
                .body("errors.pointer", contains("/missions/0"));
        patch(scoped, "\"0\"", Map.of("missions", List.of(own))).then().statusCode(200);
    }

    @Test
    void aSubscriptionReachingBeyondTheCallersMissionsDoesNotExistForThem() {
        String own = Fixtures.createMission("2020-01-01");
        String global = subscribe(Map.of("url", HOOK)).getString("id");
        String scoped = subscribeIn(List.of(own), Map.of("url", HOOK)).getString("id");

        assertProblem(
                asIn(List.of(own), "admin").get(PATH + "/" + global), 404, "/problems/not-found");
        assertProblem(
                asIn(List.of(own), "admin").get(PATH + "/" + global + "/deliveries"),
                404,
                "/problems/not-found");
        assertProblem(
                asIn(List.of(own), "admin")
                        .contentType(MERGE_PATCH)
                        .header("If-Match", "*")
                        .body(Map.of("url", "http://127.0.0.1:9/mine"))
                        .patch(PATH + "/" + global),
                404,
                "/problems/not-found");
        List<String> visible =
                asIn(List.of(own), "admin")
                        .queryParam("limit", 200)
                        .get(PATH)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("items.id");
        assertEquals(
                List.of(scoped),
                visible.stream().filter(v -> v.equals(scoped) || v.equals(global)).toList());
        as("admin").get(PATH + "/" + scoped).then().statusCode(200);
    }

    @Test
    void deletingASubscriptionDropsItsDeliveries() {
        String id = subscribe(Map.of("url", HOOK)).getString("id");
        as("admin")
                .get(PATH + "/" + id + "/deliveries")
                .then()
                .statusCode(200)
                .body("items", empty());
        assertProblem(
                invalid("admin").delete(PATH + "/" + id), 428, "/problems/precondition-required");
        as("admin").header("If-Match", "\"0\"").delete(PATH + "/" + id).then().statusCode(204);
        assertProblem(as("admin").get(PATH + "/" + id), 404, "/problems/not-found");
        assertProblem(as("admin").get(PATH + "/" + id + "/deliveries"), 404, "/problems/not-found");
        assertProblem(
                as("admin").post(PATH + "/" + id + "/deliveries/" + UUID.randomUUID() + "/retry"),
                404,
                "/problems/not-found");
    }

    @Test
    void subscriptionsAreListedNewestFirstAcrossPages() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(0, subscribe(Map.of("url", HOOK + i)).getString("id"));
        }
        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            var request = as("admin").queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(PATH).then().statusCode(200).extract().jsonPath();
            walked.addAll(page.getList("items.id"));
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        assertEquals(made, walked.stream().filter(made::contains).toList());
        assertEquals(walked.size(), walked.stream().distinct().count());
    }

    @Test
    void retryingAnUnknownDeliveryIsNotFound() {
        String id = subscribe(Map.of("url", HOOK)).getString("id");
        assertProblem(
                as("admin").post(PATH + "/" + id + "/deliveries/" + UUID.randomUUID() + "/retry"),
                404,
                "/problems/not-found");
        as("admin").get(PATH + "/" + id).then().statusCode(200).body("status", equalTo("active"));
    }
}
