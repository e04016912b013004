package org.a4ptracker.events;

import static org.a4ptracker.support.Api.as;
import static org.a4ptracker.support.Webhooks.STATUS_CHANGED;
import static org.a4ptracker.support.Webhooks.awaitDeliveries;
import static org.a4ptracker.support.Webhooks.awaitStatus;
import static org.a4ptracker.support.Webhooks.emit;
import static org.a4ptracker.support.Webhooks.subscribe;
import static org.a4ptracker.support.Webhooks.subscribeIn;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.a4ptracker.support.Fixtures;
import org.a4ptracker.support.WebhookReceiver;
import org.a4ptracker.support.WebhookReceiver.Received;
import org.a4ptracker.support.Webhooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks as a subscriber sees them, through a real HTTP receiver: signed, retried, in order, once
 * per event even with several workers (replicas) at once, and stopped after failing too long.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final Duration SOON = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject WebhookDeliveryWorker worker;
    @Inject WebhookQueue queue;
    @Inject AgroalDataSource database;

    private final List<WebhookReceiver> receivers = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        Webhooks.unsubscribeAll();
        receivers.forEach(WebhookReceiver::close);
    }

    private WebhookReceiver receiver() {
        WebhookReceiver receiver = new WebhookReceiver();
        receivers.add(receiver);
        return receiver;
    }

    /** A subscription of one new mission's case status changes, sent to {@code receiver}. */
    private static JsonPath subscribeTo(WebhookReceiver receiver, String mission) {
        return subscribe(
                Map.of(
                        "url",
                        receiver.url(),
                        "types",
                        List.of(STATUS_CHANGED),
                        "missions",
                        List.of(mission)));
    }

    private static JsonNode body(Received received) {
        try {
            return JSON.readTree(received.body());
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + received.body(), e);
        }
    }

    private static String caseOf(Received received) {
        return body(received).path("data").path("case_id").asText();
    }

    @Test
    void aDeliveryIsACloudEventSignedWithTheSecretShownAtCreation() throws Exception {
        WebhookReceiver receiver = receiver();
        String mission = Fixtures.createMission("2020-01-01");
        String secret = subscribeTo(receiver, mission).getString("secret");
        String caseId = emit(mission);

        Received got = receiver.awaitCount(1, SOON).get(0);

        String id = got.header("webhook-id");
        String timestamp = got.header("webhook-timestamp");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(
                new SecretKeySpec(
                        Base64.getDecoder().decode(secret.substring("whsec_".length())),
                        "HmacSHA256"));
        String expected =
                "v1,"
                        + Base64.getEncoder()
                                .encodeToString(
                                        mac.doFinal(
                                                (id + "." + timestamp + "." + got.body())
                                                        .getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, got.header("webhook-signature"));
        assertThat(
                Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)),
                lessThanOrEqualTo(60L));
        assertThat(got.header("Content-Type"), containsString("application/cloudevents+json"));

        JsonNode event = body(got);
        assertEquals("1.0", event.path("specversion").asText());
        assertEquals(id, event.path("id").asText());
        assertEquals(STATUS_CHANGED, event.path("type").asText());
        assertEquals("/accountability-cases/" + caseId, event.path("subject").asText());
        assertEquals(caseId, event.path("data").path("case_id").asText());
        assertEquals(mission, event.path("data").path("mission_acronym").asText());
        assertEquals("[\"status\"]", event.path("data").path("changed_fields").toString());
    }

    @Test
    void aFailedDeliveryIsRetriedWithTheSameIdUntilItSucceeds() throws Exception {
        WebhookReceiver receiver = receiver().answer(500, 500);
        String mission = Fixtures.createMission("2020-01-01");
        String subscription = subscribeTo(receiver, mission).getString("id");
        emit(mission);

        List<Received> got = receiver.awaitCount(3, SOON);

        assertEquals(1, got.stream().map(r -> r.header("webhook-id")).distinct().count(), "ids");
        JsonPath list =
                awaitDeliveries(
                        subscription,
                        d -> "succeeded".equals(d.getString("items[0].status")),
                        SOON);
        assertEquals(1, list.getList("items").size());
        assertEquals(3, list.getInt("items[0].attempts"));
        assertEquals(200, list.getInt("items[0].last_status_code"));
        assertEquals(got.get(0).header("webhook-id"), list.getString("items[0].event_id"));
        assertThat(list.get("items[0].last_error"), nullValue());
        assertThat(list.get("items[0].next_attempt_at"), nullValue());
        assertEquals(3, receiver.received().size(), "nothing more after the success");
    }

    @Test
    void deliveriesOfASubscriptionArriveInOrderEvenWhenOneIsRetried() throws Exception {
        WebhookReceiver receiver = receiver().answer(503);
        String mission = Fixtures.createMission("2020-01-01");
        subscribeTo(receiver, mission);
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            cases.add(emit(mission));
        }

        List<Received> got = receiver.awaitCount(6, SOON);

        List<String> expected = new ArrayList<>(cases);
        expected.add(0, cases.get(0));
        assertEquals(expected, got.stream().map(WebhookDeliveryTest::caseOf).toList());
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        WebhookReceiver receiver = receiver().answer(302);
        String mission = Fixtures.createMission("2020-01-01");
        String subscription = subscribeTo(receiver, mission).getString("id");
        emit(mission);

        JsonPath failed =
                awaitDeliveries(
                        subscription,
                        d -> Integer.valueOf(302).equals(d.get("items[0].last_status_code")),
                        SOON);
        assertThat(
                failed.getString("items[0].last_error"),
                containsString("redirects are not followed"));
        assertThat(failed.getString("items[0].status"), equalTo("retrying"));
        receiver.awaitCount(2, SOON);
        assertTrue(
                receiver.received().stream().allMatch(r -> r.path().equals("/hook")),
                "the redirect target was never called: " + receiver.received());
    }

    @Test
    void aSubscriptionFailingTooLongStopsUntilADeliveryIsRetried() throws Exception {
        WebhookReceiver receiver = receiver().otherwise(500);
        String mission = Fixtures.createMission("2020-01-01");
        String subscription = subscribeTo(receiver, mission).getString("id");
        emit(mission);

        // The test profile gives up after 5 s (a4p.webhooks.give-up-after).
        awaitStatus(subscription, "failing", Duration.ofSeconds(30));
        JsonPath failed = Webhooks.deliveries(subscription);
        assertEquals("failed", failed.getString("items[0].status"));
        assertThat(failed.getInt("items[0].attempts"), greaterThanOrEqualTo(3));
        assertEquals("HTTP 500: {\"answered\":500}", failed.getString("items[0].last_error"));
        String delivery = failed.getString("items[0].id");

        // Failing: newer events are queued, not sent.
        emit(mission);
        int before = receiver.received().size();
        Thread.sleep(1_500);
        assertEquals(before, receiver.received().size());

        receiver.otherwise(200);
        as("admin")
                .post(
                        "/webhook-subscriptions/"
                                + subscription
                                + "/deliveries/"
                                + delivery
                                + "/retry")
                .then()
                .statusCode(202)
                .body("id", equalTo(delivery))
                .body("status", equalTo("pending"));
        awaitStatus(subscription, "active", SOON);
        JsonPath done =
                awaitDeliveries(
                        subscription,
                        d -> d.getList("items.status").stream().allMatch("succeeded"::equals),
                        SOON);
        assertEquals(2, done.getList("items").size());
    }

    @Test
    void severalWorkersAtOnceDeliverEachEventExactlyOnceAndInOrder() throws Exception {
        WebhookReceiver receiver = receiver().delay(Duration.ofMillis(10));
        String mission = Fixtures.createMission("2020-01-01");
        String subscription = subscribeTo(receiver, mission).getString("id");
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            cases.add(emit(mission));
        }

        // Four "replicas" stepping at once, besides this replica's own workers.
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        long deadline = System.nanoTime() + SOON.toNanos();
        for (int r = 0; r < 4; r++) {
            running.add(
                    replicas.submit(
                            () -> {
                                while (receiver.received().size() < cases.size()
                                        && System.nanoTime() < deadline) {
                                    worker.step();
                                }
                                return null;
                            }));
        }
        for (Future<?> replica : running) {
            replica.get();
        }
        replicas.shutdown();
        awaitDeliveries(
                subscription,
                d ->
                        d.getList("items").size() == cases.size()
                                && d.getList("items.status").stream().allMatch("succeeded"::equals),
                SOON);

        List<String> seen = receiver.received().stream().map(WebhookDeliveryTest::caseOf).toList();
        assertEquals(cases, seen, "each event once, in order");
        Map<String, Long> ids =
                receiver.received().stream()
                        .collect(
                                Collectors.groupingBy(
                                        r -> r.header("webhook-id"), Collectors.counting()));
        assertEquals(cases.size(), ids.size());
    }

    @Test
    void aSubscriptionOnlyEverGetsTheMissionsOfItsCreatorsToken() throws Exception {
        String inScope = Fixtures.createMission("2020-01-01");
        String outside = Fixtures.createMission("2020-01-01");
        WebhookReceiver scoped = receiver();
        WebhookReceiver filtered = receiver();
        // An admin of one mission, no mission filter: that mission and events of no mission.
        subscribeIn(
                List.of(inScope), Map.of("url", scoped.url(), "types", List.of(STATUS_CHANGED)));
        // An admin of all missions filtering one: only that mission.
        subscribe(
                Map.of(
                        "url",
                        filtered.url(),
                        "types",
                        List.of(STATUS_CHANGED),
                        "missions",
                        List.of(inScope)));

        emit(outside);
        String general = emit(null);
        String own = emit(inScope);

        assertEquals(
                List.of(general, own),
                scoped.awaitCount(2, SOON).stream().map(WebhookDeliveryTest::caseOf).toList());
        assertEquals(
                List.of(own),
                filtered.awaitCount(1, SOON).stream().map(WebhookDeliveryTest::caseOf).toList());
    }

    @Test
    void aDeliveryWhoseEventIsNoLongerKeptFailsWithAReason() throws Exception {
        WebhookReceiver receiver = receiver();
        String mission = Fixtures.createMission("2020-01-01");
        String subscription = subscribeTo(receiver, mission).getString("id");
        pause(subscription, "\"0\"");
        String caseId = emit(mission);
        awaitDeliveries(subscription, d -> d.getList("items").size() == 1, SOON);
        assertEquals("pending", Webhooks.deliveries(subscription).getString("items[0].status"));
        // What retention does after 30 days (a4p.events.retention).
        try (Connection connection = database.getConnection();
                PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM event WHERE subject = ?")) {
            delete.setString(1, "/accountability-cases/" + caseId);
            assertEquals(1, delete.executeUpdate());
        }

        as("admin")
                .contentType("application/merge-patch+json")
                .header("If-Match", "\"1\"")
                .body(Map.of("status", "active"))
                .patch("/webhook-subscriptions/" + subscription)
                .then()
                .statusCode(200);

        JsonPath failed =
                awaitDeliveries(
                        subscription, d -> "failed".equals(d.getString("items[0].status")), SOON);
        assertThat(failed.getString("items[0].last_error"), containsString("no longer kept"));
        assertEquals("active", awaitStatus(subscription, "active", SOON).getString("status"));
        assertEquals(List.of(), receiver.received());
    }

    @Test
    void finishedDeliveriesGoWithTheEventsRetention() throws Exception {
        WebhookReceiver receiver = receiver();
        String mission = Fixtures.createMission("2020-01-01");
        String subscription = subscribeTo(receiver, mission).getString("id");
        emit(mission);
        emit(mission);
        JsonPath sent =
                awaitDeliveries(
                        subscription,
                        d ->
                                d.getList("items").size() == 2
                                        && d.getList("items.status").stream()
                                                .allMatch("succeeded"::equals),
                        SOON);
        String old = sent.getString("items[1].id");
        try (Connection connection = database.getConnection();
                PreparedStatement age =
                        connection.prepareStatement(
                                "UPDATE webhook_delivery SET created_at = now() - interval '31 days'"
                                        + " WHERE id = CAST(? AS uuid)")) {
            age.setString(1, old);
            assertEquals(1, age.executeUpdate());
        }

        // What each replica does every a4p.events.purge-interval, with a4p.events.retention.
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minusDays(30);
        QuarkusTransaction.requiringNew().call(() -> queue.prune(cutoff, 5_000));

        assertEquals(
                List.of(sent.getString("items[0].id")),
                Webhooks.deliveries(subscription).getList("items.id"));
    }

    @Test
    void theBacklogIsInTheMetrics() {
        String metrics =
                RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String gauge :
                List.of(
                        "a4p_webhook_open_deliveries",
                        "a4p_webhook_failing_subscriptions",
                        "a4p_webhook_oldest_open_delivery_age_seconds")) {
            assertThat(metrics, containsString(gauge));
        }
    }

    private static void pause(String subscription, String etag) {
        Map<String, Object> body = new HashMap<>();
        body.put("status", "paused");
        as("admin")
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(body)
                .patch("/webhook-subscriptions/" + subscription)
                .then()
                .statusCode(200)
                .body("status", equalTo("paused"));
    }
}
