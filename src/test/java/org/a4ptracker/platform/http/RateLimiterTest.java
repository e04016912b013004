package org.a4ptracker.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The counting rule alone, without HTTP. */
class RateLimiterTest {

    @Test
    void allowsMaxEventsPerWindowThenBlocksUntilTheWindowEnds() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(3, Duration.ofMillis(300));
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.blockedFor("a"));
            assertEquals(0, limiter.record("a"));
        }
        assertTrue(limiter.blockedFor("a") > 0 && limiter.blockedFor("a") <= 300);
        assertTrue(limiter.record("a") > 0);
        assertEquals(0, limiter.blockedFor("b"));
        Thread.sleep(350);
        assertEquals(0, limiter.blockedFor("a"));
        assertEquals(0, limiter.record("a"));
    }

    @Test
    void aMaximumOfZeroTurnsItOff() {
        RateLimiter off = new RateLimiter(0, Duration.ofSeconds(1));
        for (int i = 0; i < 100; i++) {
            assertEquals(0, off.record("a"));
        }
        assertEquals(0, off.blockedFor("a"));
    }
}
