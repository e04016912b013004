package org.a4ptracker.events;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.a4ptracker.platform.persistence.AfterCommit;
import org.a4ptracker.platform.persistence.DatabaseNotifications;

/**
 * Wakes whoever waits for new events (long-polls, the webhook worker) when a transaction that wrote
 * events commits, on this replica or another: {@link #onCommit} announces it on {@code a4p_events}
 * ({@link DatabaseNotifications#announce}: here at once, elsewhere within about 50 ms). Waiters
 * re-read the feed anyway at least every {@link #RECHECK_MILLIS}, since an event becomes readable
 * only once older transactions end, which nobody announces.
 *
 * <p>Under a steady stream of commits, waiters are woken at most once per {@link #MIN_GAP_MILLIS}
 * (the first signal after a quiet spell wakes them at once): each wake-up costs every waiter a read
 * of the feed, and one read finds all the events committed since the last.
 */
@Startup
@ApplicationScoped
public class EventSignal {

    static final String CHANNEL = "a4p_events";
    static final long RECHECK_MILLIS = 250;
    static final long MIN_GAP_MILLIS = 50;
    private static final long MIN_GAP_NANOS = MIN_GAP_MILLIS * 1_000_000L;

    private final DatabaseNotifications notifications;
    private final TransactionSynchronizationRegistry transactions;
    private final Object lock = new Object();
    private long generation;
    private long movedAt = System.nanoTime() - MIN_GAP_NANOS;

    /** A signal came within the gap: the generation moves when the gap is over. */
    private boolean pending;

    private volatile boolean stopping;

    EventSignal(
            DatabaseNotifications notifications, TransactionSynchronizationRegistry transactions) {
        this.notifications = notifications;
        this.transactions = transactions;
        notifications.listen(CHANNEL, payload -> signal(), this::signal);
    }

    /** Announces the events of the current transaction once it commits (once per transaction). */
    void onCommit() {
        if (transactions.getTransactionKey() != null) {
            if (transactions.getResource(CHANNEL) != null) {
                return;
            }
            transactions.putResource(CHANNEL, Boolean.TRUE);
        }
        AfterCommit.run(transactions, () -> notifications.announce(CHANNEL));
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
                long now = System.nanoTime();
                if (pending && now - movedAt >= MIN_GAP_NANOS) {
                    move(now);
                    break;
                }
                long wake =
                        pending && movedAt + MIN_GAP_NANOS - until < 0
                                ? movedAt + MIN_GAP_NANOS
                                : until;
                long left = wake - now;
                if (left <= 0) {
                    break;
                }
                lock.wait(left / 1_000_000L, (int) (left % 1_000_000L));
            }
        }
        return !stopping;
    }

    public boolean stopping() {
        return stopping;
    }

    void signal() {
        synchronized (lock) {
            long now = System.nanoTime();
            if (now - movedAt >= MIN_GAP_NANOS || stopping) {
                move(now);
            } else {
                pending = true;
            }
        }
    }

    private void move(long now) {
        generation++;
        movedAt = now;
        pending = false;
        lock.notifyAll();
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
