package org.a4ptracker.events;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.a4ptracker.platform.persistence.DatabaseNotifications;

/**
 * Wakes whoever waits for new events (long-polls, the webhook worker) when a transaction that wrote
 * events commits, on this replica or another: the V14 trigger notifies {@code a4p_events} at
 * commit. Waiters re-read the feed anyway at least every {@link #RECHECK_MILLIS}, since an event
 * becomes readable only once older transactions end, which nobody announces.
 */
@Startup
@ApplicationScoped
public class EventSignal {

    static final String CHANNEL = "a4p_events";
    static final long RECHECK_MILLIS = 250;

    private final Object lock = new Object();
    private long generation;
    private volatile boolean stopping;

    EventSignal(DatabaseNotifications notifications) {
        notifications.listen(CHANNEL, payload -> signal(), this::signal);
    }

    /** Changes whenever events may have been committed. */
    public long generation() {
        synchronized (lock) {
            return generation;
        }
    }

    /**
     * Waits until the generation moves past {@code seen}, at most {@code millis} (and never longer
     * than {@link #RECHECK_MILLIS}); false once the service is shutting down.
     */
    public boolean await(long seen, long millis) throws InterruptedException {
        long until = System.nanoTime() + Math.min(millis, RECHECK_MILLIS) * 1_000_000L;
        synchronized (lock) {
            while (!stopping && generation == seen) {
                long left = (until - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    break;
                }
                lock.wait(left);
            }
        }
        return !stopping;
    }

    public boolean stopping() {
        return stopping;
    }

    void signal() {
        synchronized (lock) {
            generation++;
            lock.notifyAll();
        }
    }

    void shutdownStarts(@Observes ShutdownDelayInitiatedEvent event) {
        stop();
    }

    void shutdown(@Observes ShutdownEvent event) {
        stop();
    }

    private void stop() {
        stopping = true;
        signal();
    }
}
