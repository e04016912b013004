package org.a4ptracker.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.a4ptracker.events.WebhookRepository.DeliveryStatus;
import org.a4ptracker.platform.DaemonThreads;
import org.a4ptracker.platform.persistence.AfterCommit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends the webhooks, on every replica. A dispatcher thread polls when events are committed ({@link
 * EventSignal}), every 100 ms for a second after that (an event becomes readable only when older
 * transactions end, which nobody announces), and every {@code a4p.webhooks.poll-interval} otherwise
 * (for retries that fall due); only at that pace while no subscription is active, so that a replica
 * with no webhooks costs the writers nothing (one created elsewhere is served from its next poll:
 * it starts from the feed's position at its creation). A poll queues the new events of every
 * subscription ({@link WebhookQueue#fanOut}); when something is due it starts a deliverer, and
 * deliverers that find more work start others, up to {@code a4p.webhooks.workers} at once.
 *
 * <p>A deliverer's step ({@link #deliverOne}) claims one subscription in a transaction ({@link
 * WebhookQueue#claim}) and sends its due deliveries oldest first, stopping at the first that fails:
 * nothing newer of a subscription goes while an older one is open, so deliveries arrive in order. A
 * replica that dies mid-step loses its claim with its connection; what it sent but did not record
 * is still open, and another replica sends it again (at least once).
 *
 * <p>Finished deliveries are deleted once as old as {@code a4p.events.retention}, every {@code
 * a4p.events.purge-interval}.
 */
@ApplicationScoped
public class WebhookDeliveryWorker {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveryWorker.class);
    private static final long SETTLE_WINDOW_MILLIS = 1_000;
    private static final long SETTLE_POLL_MILLIS = 100;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofHours(1);
    private static final long NO_RETRY = Long.MAX_VALUE;

    /** Most deliveries one claim sends, and for how long it starts new ones. */
    private static final int BATCH = 100;

    private static final long BATCH_MILLIS = 2_000;

    /** Successes wait at most this long to be recorded together. */
    private static final long RECORD_MILLIS = 100;

    private static final int PRUNE_BATCH = 5_000;

    private static final long WARN_EVERY_NANOS = 60_000_000_000L;
    private static final long REST_AFTER_FAILURE_MILLIS = 5_000;

    private final WebhookQueue queue;
    private final WebhookSender sender;
    private final EventSignal signal;
    private final TransactionSynchronizationRegistry transactions;
    private final ObjectMapper json;
    private final String source;
    private final int workers;
    private final Duration pollInterval;
    private final Duration giveUpAfter;
    private final Duration retention;
    private final Duration pruneInterval;
    private final AtomicInteger running = new AtomicInteger();

    /** When the next retry this replica scheduled falls due ({@link System#nanoTime}). */
    private final AtomicLong retryDue = new AtomicLong(NO_RETRY);

    private volatile boolean stopped;
    private volatile long warnedAt;

    /** No polls before this ({@link System#nanoTime}), after a failure. */
    private volatile long restUntil = System.nanoTime();

    /** Whether the last poll found an active subscription (until then, assumed). */
    private volatile boolean anyActive = true;

    private ExecutorService deliverers;
    private Thread dispatcher;

    WebhookDeliveryWorker(
            WebhookQueue queue,
            WebhookSender sender,
            EventSignal signal,
            TransactionSynchronizationRegistry transactions,
            ObjectMapper json,
            @ConfigProperty(name = "a4p.events.source") String source,
            @ConfigProperty(name = "a4p.webhooks.workers") int workers,
            @ConfigProperty(name = "a4p.webhooks.poll-interval") Duration pollInterval,
            @ConfigProperty(name = "a4p.webhooks.give-up-after") Duration giveUpAfter,
            @ConfigProperty(name = "a4p.events.retention") Duration retention,
            @ConfigProperty(name = "a4p.events.purge-interval") Duration pruneInterval) {
        this.queue = queue;
        this.sender = sender;
        this.signal = signal;
        this.transactions = transactions;
        this.json = json;
        this.source = source;
        this.workers = workers;
        this.pollInterval = pollInterval;
        this.giveUpAfter = giveUpAfter;
        this.retention = retention;
        this.pruneInterval = pruneInterval;
    }

    void start(@Observes StartupEvent started) {
        if (workers <= 0) {
            return;
        }
        deliverers =
                Executors.newFixedThreadPool(workers, DaemonThreads.named("webhook-deliverer"));
        dispatcher = new Thread(this::dispatch, "webhook-dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        stopped = true;
        if (dispatcher != null) {
            dispatcher.interrupt();
            deliverers.shutdown();
            // A delivery in flight ends within the request timeout; one cut off is sent again.
            deliverers.awaitTermination(6, TimeUnit.SECONDS);
        }
    }

    /**
     * Has a deliverer look for due deliveries once the current transaction commits, and the
     * dispatcher follow new events at once (a subscription was created, resumed or retried here).
     */
    void wakeOnCommit() {
        AfterCommit.run(
                transactions,
                () -> {
                    anyActive = true;
                    startDeliverer();
                });
    }

    private void dispatch() {
        long seen = Long.MIN_VALUE;
        long signalledAt = 0;
        long polledAt = 0;
        long prunedAt = System.nanoTime();
        while (!stopped && !signal.stopping()) {
            long generation = signal.generation();
            long now = System.nanoTime();
            if (now - prunedAt > pruneInterval.toNanos()) {
                prunedAt = now;
                prune();
            }
            // Without an active subscription a signal changes nothing: the regular poll suffices.
            boolean signalled = generation != seen && anyActive;
            seen = generation;
            if (signalled) {
                signalledAt = now;
            }
            boolean settling = now - signalledAt < SETTLE_WINDOW_MILLIS * 1_000_000L;
            long sincePoll = (now - polledAt) / 1_000_000L;
            long retry = retryDue.get();
            boolean retryDueNow = retry != NO_RETRY && now - retry >= 0;
            boolean resting = now - restUntil < 0;
            if (!resting
                    && (signalled
                            || retryDueNow
                            || settling && sincePoll >= SETTLE_POLL_MILLIS
                            || sincePoll >= pollInterval.toMillis())) {
                polledAt = now;
                if (retryDueNow) {
                    retryDue.compareAndSet(retry, NO_RETRY);
                }
                poll();
            }
            long wait = settling ? SETTLE_POLL_MILLIS : pollInterval.toMillis();
            retry = retryDue.get();
            if (retry != NO_RETRY) {
                wait = Math.max(1, Math.min(wait, (retry - System.nanoTime()) / 1_000_000L));
            }
            try {
                signal.await(generation, wait);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Makes the dispatcher poll at {@code at} at the latest. */
    private void pollBy(OffsetDateTime at) {
        long due =
                System.nanoTime()
                        + Duration.between(OffsetDateTime.now(ZoneOffset.UTC), at).toNanos();
        retryDue.accumulateAndGet(
                due, (held, next) -> held == NO_RETRY || next - held < 0 ? next : held);
    }

    private void poll() {
        try {
            WebhookQueue.Poll found = QuarkusTransaction.requiringNew().call(queue::fanOut);
            anyActive = found.active();
            if (found.moved() > 0 || found.due()) {
                startDeliverer();
            }
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    /**
     * Deletes finished deliveries as old as the events retention deletes, a batch per transaction,
     * so the table does not grow without end (every replica does it; deleting is idempotent).
     */
    private void prune() {
        OffsetDateTime cutoff = now().minus(retention);
        try {
            while (!stopped
                    && QuarkusTransaction.requiringNew()
                                    .call(() -> queue.prune(cutoff, PRUNE_BATCH))
                            == PRUNE_BATCH) {
                // the next batch
            }
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void startDeliverer() {
        if (stopped || deliverers == null) {
            return;
        }
        if (running.incrementAndGet() > workers) {
            running.decrementAndGet();
            return;
        }
        try {
            deliverers.execute(this::deliverWhileDue);
        } catch (RejectedExecutionException e) {
            running.decrementAndGet();
        }
    }

    private void deliverWhileDue() {
        try {
            long waiting;
            while (!stopped && (waiting = deliverOne()) > 0) {
                if (waiting > 1 && running.get() < Math.min(workers, waiting)) {
                    startDeliverer();
                }
            }
        } catch (RuntimeException e) {
            failed(e);
        } finally {
            running.decrementAndGet();
        }
    }

    /**
     * One step of the worker, as a replica runs it: queues new events, then sends the due
     * deliveries of one subscription no other worker serves. True when it did anything.
     */
    boolean step() {
        long moved = QuarkusTransaction.requiringNew().call(queue::fanOut).moved();
        return deliverOne() > 0 || moved > 0;
    }

    /**
     * Claims one subscription whose turn it is and sends its due deliveries in order, up to {@link
     * #BATCH} or for about {@link #BATCH_MILLIS}, stopping at the first that fails; answers how
     * many subscriptions had a delivery due (0: nothing was done).
     *
     * <p>The claim's transaction only reads, so it has no transaction id however long the sending
     * takes. Outcomes are committed in short transactions of their own: a failure at once,
     * successes together at least every {@link #RECORD_MILLIS} (a replica dying meanwhile makes
     * them be sent again: at least once).
     */
    long deliverOne() {
        return QuarkusTransaction.requiringNew()
                .call(
                        () -> {
                            WebhookQueue.Claim claim = queue.claim();
                            if (claim == null) {
                                return 0L;
                            }
                            List<WebhookQueue.Sent> sent = new ArrayList<>();
                            long started = System.nanoTime();
                            long recorded = started;
                            for (WebhookQueue.Head head :
                                    queue.front(claim.subscription(), BATCH)) {
                                boolean next = deliver(head, sent);
                                long now = System.nanoTime();
                                if (!next || stopped || now - started > BATCH_MILLIS * 1_000_000L) {
                                    break;
                                }
                                if (now - recorded > RECORD_MILLIS * 1_000_000L) {
                                    recordSent(sent);
                                    recorded = now;
                                }
                            }
                            recordSent(sent);
                            return claim.waiting();
                        });
    }

    /**
     * Sends one delivery; a success joins {@code sent}, anything else is recorded at once (after
     * the successes before it). False when the queue must wait: the delivery failed.
     */
    private boolean deliver(WebhookQueue.Head head, List<WebhookQueue.Sent> sent) {
        OffsetDateTime at = now();
        String body = body(head);
        if (body == null) {
            recordSent(sent);
            record(
                    head,
                    new WebhookQueue.Outcome(
                            DeliveryStatus.FAILED,
                            false,
                            at,
                            null,
                            null,
                            head.event() == null
                                    ? "Not sent: the event is no longer kept (events are deleted"
                                            + " after a4p.events.retention)."
                                    : "Not sent: the stored event cannot be read.",
                            head.firstFailedAt(),
                            null));
            return true;
        }
        WebhookSender.Attempt attempt =
                sender.send(head.url(), head.secret(), head.event().id().toString(), body);
        if (attempt.succeeded()) {
            sent.add(
                    new WebhookQueue.Sent(
                            head.delivery(), at, attempt.statusCode(), attempt.durationMs()));
            return true;
        }
        recordSent(sent);
        OffsetDateTime firstFailed = head.firstFailedAt() == null ? at : head.firstFailedAt();
        boolean giveUp = !firstFailed.plus(giveUpAfter).isAfter(at);
        OffsetDateTime retryAt = at.plus(backoff(firstFailed, at));
        record(
                head,
                new WebhookQueue.Outcome(
                        giveUp ? DeliveryStatus.FAILED : DeliveryStatus.RETRYING,
                        true,
                        at,
                        attempt.statusCode(),
                        attempt.durationMs(),
                        attempt.error(),
                        firstFailed,
                        giveUp ? null : retryAt));
        if (!giveUp) {
            pollBy(retryAt);
        }
        return false;
    }

    private void recordSent(List<WebhookQueue.Sent> sent) {
        if (!sent.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> queue.succeeded(sent));
            sent.clear();
        }
    }

    /** Commits an outcome other than success; one that gives up marks its subscription failing. */
    private void record(WebhookQueue.Head head, WebhookQueue.Outcome outcome) {
        QuarkusTransaction.requiringNew()
                .run(
                        () -> {
                            queue.record(head.delivery(), outcome);
                            if (outcome.attempted() && outcome.status() == DeliveryStatus.FAILED) {
                                queue.markFailing(head.subscription());
                            }
                        });
    }

    /** The CloudEvent as the delivery's body; null when the event is gone or unreadable. */
    private String body(WebhookQueue.Head head) {
        if (head.event() == null) {
            return null;
        }
        try {
            return json.writeValueAsString(EventMapper.toApi(head.event(), source, json));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warnf("Stored event %s cannot be delivered: %s", head.event().id(), e.getMessage());
            return null;
        }
    }

    /**
     * The wait before the next attempt: as long again as the failures have lasted so far (at least
     * 1 s, at most 1 h), so attempts come about 1, 2, 4, 8... seconds after the first failure, plus
     * up to half of it at random (jitter), so that a receiver coming back is not hit by every
     * sender at once.
     */
    static Duration backoff(OffsetDateTime firstFailed, OffsetDateTime now) {
        long failing = Duration.between(firstFailed, now).toMillis();
        long wait = Math.min(LONGEST_RETRY.toMillis(), Math.max(FIRST_RETRY.toMillis(), failing));
        return Duration.ofMillis(wait + ThreadLocalRandom.current().nextLong(wait / 2 + 1));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The worker could not run (the database is away, most likely): it rests for {@link
     * #REST_AFTER_FAILURE_MILLIS} rather than add its waits to a struggling pool, and logs why once
     * a minute.
     */
    private void failed(RuntimeException e) {
        long now = System.nanoTime();
        restUntil = now + REST_AFTER_FAILURE_MILLIS * 1_000_000L;
        long last = warnedAt;
        if (last == 0 || now - last > WARN_EVERY_NANOS) {
            warnedAt = now == 0 ? 1 : now;
            LOG.warnf("Webhook deliveries wait: %s", e.getMessage());
        }
    }
}
