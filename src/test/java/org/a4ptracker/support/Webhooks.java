package org.a4ptracker.support;

import static org.a4ptracker.support.Api.as;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.a4ptracker.api.model.EventType;
import org.a4ptracker.events.ChangeEvents;

/**
 * Webhook subscriptions, events and waiting for deliveries, for the tests. Events are written
 * through {@link ChangeEvents}, the way the features write theirs, so a test chooses their mission.
 */
public final class Webhooks {

    public static final String STATUS_CHANGED = "org.a4ptracker.case.status_changed";

    /** The subscriptions a test made, deleted after it so that none keeps sending. */
    private static final List<String> MADE = new ArrayList<>();

    private Webhooks() {}

    /** Subscribes as an admin of every mission; answers the 201 body. */
    public static JsonPath subscribe(Map<String, Object> body) {
        return subscribeIn(List.of("*"), body);
    }

    public static JsonPath subscribeIn(List<String> missions, Map<String, Object> body) {
        JsonPath created =
                Api.asIn(missions, "admin")
                        .body(body)
                        .post("/webhook-subscriptions")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath();
        track(created.getString("id"));
        return created;
    }

    /** Has {@link #unsubscribeAll} delete this subscription. */
    public static void track(String id) {
        synchronized (MADE) {
            MADE.add(id);
        }
    }

    /** Deletes every subscription made so far. */
    public static void unsubscribeAll() {
        synchronized (MADE) {
            for (String id : MADE) {
                as("admin")
                        .header("If-Match", "*")
                        .delete("/webhook-subscriptions/" + id)
                        .then()
                        .statusCode(org.hamcrest.Matchers.oneOf(204, 404));
            }
            MADE.clear();
        }
    }

    /**
     * Commits an event of a case's status change in {@code mission} (null: of no mission) the way a
     * feature writes one; answers the case id its data carries.
     */
    public static String emit(String mission) {
        UUID caseId = UUID.randomUUID();
        ChangeEvents changes = Arc.container().instance(ChangeEvents.class).get();
        QuarkusTransaction.requiringNew()
                .run(
                        () ->
                                changes.record(
                                        EventType.ORG_A4PTRACKER_CASE_STATUS_CHANGED,
                                        new ChangeEvents.Subject(
                                                "/accountability-cases/" + caseId,
                                                mission,
                                                ChangeEvents.ids().caseId(caseId)),
                                        List.of("status"),
                                        2L));
        return caseId.toString();
    }

    public static JsonPath deliveries(String subscription) {
        return as("admin")
                .queryParam("limit", 200)
                .get("/webhook-subscriptions/" + subscription + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Waits until the subscription's deliveries (newest first) pass {@code done}. */
    public static JsonPath awaitDeliveries(
            String subscription, Predicate<JsonPath> done, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            JsonPath list = deliveries(subscription);
            if (done.test(list)) {
                return list;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "Deliveries not as expected within " + within + ": " + list.prettify());
            }
            Thread.sleep(50);
        }
    }

    /** Waits until the subscription shows {@code status}. */
    public static JsonPath awaitStatus(String subscription, String status, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            JsonPath shown =
                    as("admin")
                            .get("/webhook-subscriptions/" + subscription)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath();
            if (status.equals(shown.getString("status"))) {
                return shown;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "Subscription not "
                                + status
                                + " within "
                                + within
                                + ": "
                                + shown.prettify());
            }
            Thread.sleep(50);
        }
    }
}
