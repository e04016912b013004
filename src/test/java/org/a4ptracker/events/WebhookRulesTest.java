package org.a4ptracker.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Signatures and retry timing of webhook deliveries. */
class WebhookRulesTest {

    @Test
    void signsAsTheStandardWebhooksReferenceDoes() {
        // The example of the Standard Webhooks specification and its libraries' tests.
        assertEquals(
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSigner.signature(
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330,
                        "{\"test\": 2432232314}"));
    }

    @Test
    void secretsAre32RandomBytes() {
        String secret = WebhookSigner.newSecret();
        assertTrue(secret.startsWith("whsec_"), secret);
        assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
        assertNotEquals(secret, WebhookSigner.newSecret());
    }

    @Test
    void retriesBackOffExponentiallyWithJitterUpToAnHour() {
        OffsetDateTime first = OffsetDateTime.parse("2026-12-02T10:00:00Z");
        assertBetween(1_000, 1_500, WebhookDeliveryWorker.backoff(first, first));
        assertBetween(
                1_000, 1_500, WebhookDeliveryWorker.backoff(first, first.plusNanos(700_000_000)));
        assertBetween(8_000, 12_000, WebhookDeliveryWorker.backoff(first, first.plusSeconds(8)));
        assertBetween(
                3_600_000, 5_400_000, WebhookDeliveryWorker.backoff(first, first.plusHours(20)));
    }

    private static void assertBetween(long min, long max, Duration actual) {
        assertTrue(
                actual.toMillis() >= min && actual.toMillis() <= max,
                actual + " is not within " + min + ".." + max + " ms");
    }
}
