package org.a4ptracker.platform.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts events per key in fixed windows: once a key has had {@code max} events in its current
 * window, it is blocked until that window ends. Memory stays bounded: when the map grows past
 * {@link #MAX_KEYS}, windows that have ended are dropped (and all of them if that is not enough). A
 * {@code max} of 0 turns it off.
 */
final class RateLimiter {

    static final int MAX_KEYS = 100_000;

    private record Window(long endsAt, AtomicInteger count) {}

    private final int max;
    private final long windowMillis;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    RateLimiter(int max, Duration window) {
        this.max = max;
        this.windowMillis = window.toMillis();
    }

    boolean enabled() {
        return max > 0;
    }

    /**
     * Counts one event for the key; returns the milliseconds until the window ends if this event is
     * over the allowance (0 if it is within it).
     */
    long record(String key) {
        if (!enabled()) {
            return 0;
        }
        long now = System.currentTimeMillis();
        if (windows.size() > MAX_KEYS) {
            windows.values().removeIf(w -> w.endsAt() <= now);
            if (windows.size() > MAX_KEYS) {
                windows.clear(); // a flood from more keys than that: forget rather than grow
            }
        }
        Window window =
                windows.compute(
                        key,
                        (k, w) ->
                                w == null || w.endsAt() <= now
                                        ? new Window(now + windowMillis, new AtomicInteger())
                                        : w);
        return window.count().incrementAndGet() > max ? window.endsAt() - now : 0;
    }

    /**
     * 429 with {@code Retry-After}: {@code what} happened too often, and the key is blocked for
     * that long.
     */
    static ProblemException tooMany(String what, long blockedForMillis) {
        String seconds = String.valueOf(Math.max(1, (blockedForMillis + 999) / 1000));
        return new ProblemException(
                429,
                "/problems/too-many-requests",
                "Too many requests",
                what + "; retry after " + seconds + " seconds.",
                null,
                null,
                Map.of("Retry-After", seconds));
    }

    /**
     * The milliseconds the key stays blocked for, having used up its allowance (0 if not blocked).
     */
    long blockedFor(String key) {
        if (!enabled()) {
            return 0;
        }
        Window window = windows.get(key);
        long now = System.currentTimeMillis();
        return window != null && window.endsAt() > now && window.count().get() >= max
                ? window.endsAt() - now
                : 0;
    }
}
