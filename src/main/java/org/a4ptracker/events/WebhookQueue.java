package org.a4ptracker.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.query.NativeQuery;

/**
 * The delivery worker's statements. Every replica runs them at once, so each is safe against the
 * others:
 *
 * <ul>
 *   <li>{@link #fanOut} queues the settled events after each subscription's feed position (in one
 *       statement, so that the events queued and the position moved past them agree) and locks the
 *       subscriptions it moves ({@code FOR UPDATE SKIP LOCKED}).
 *   <li>{@link #claim} takes a transaction-level advisory lock on one subscription whose oldest
 *       open delivery is due. The lock is held while its deliveries are sent, so no other worker
 *       sends for that subscription meanwhile, and is released by the commit or rollback (also when
 *       the replica dies: the connection ends). An advisory lock, unlike a row lock, gives the
 *       transaction no transaction id, so a slow receiver never holds back the change feed's
 *       settled horizon ({@link EventRepository#SETTLED}).
 * </ul>
 */
@ApplicationScoped
class WebhookQueue {

    /** Most events looked at per subscription by one {@link #fanOut}. */
    static final int FAN_OUT_BATCH = 500;

    /** A subscription's queue is in order of the feed; its head is the oldest open delivery. */
    private static final String HEAD =
            "SELECT id, next_attempt_at FROM webhook_delivery d WHERE d.subscription_id = s.id"
                    + " AND d.status IN ('pending', 'retrying')"
                    + " ORDER BY d.event_txid, d.event_position LIMIT 1";

    /** The first key of this feature's advisory locks (the second is the subscription's hash). */
    private static final int LOCK_SPACE = 0x0a4b_0013;

    /**
     * What a poll found: how many subscriptions moved forward, whether any delivery is due, and
     * whether any subscription is active at all.
     */
    record Poll(long moved, boolean due, boolean active) {}

    /** A subscription a worker holds, and how many had a delivery due when it took it. */
    record Claim(UUID subscription, long waiting) {}

    /** An open delivery of a claimed subscription, with its event (null when deleted). */
    record Head(
            UUID subscription,
            UUID delivery,
            String url,
            String secret,
            OffsetDateTime firstFailedAt,
            EventRepository.StoredEvent event) {}

    /** How an attempt ended. */
    record Outcome(
            WebhookRepository.DeliveryStatus status,
            boolean attempted,
            OffsetDateTime at,
            Integer statusCode,
            Long durationMs,
            String error,
            OffsetDateTime firstFailedAt,
            OffsetDateTime nextAttemptAt) {}

    private final EntityManager em;

    WebhookQueue(EntityManager em) {
        this.em = em;
    }

    /**
     * Queues a pending delivery for every settled event after each subscription's position that
     * passes its types, missions and scope (events of no mission only reach subscriptions without
     * missions), and moves the position past every event looked at. Subscriptions locked elsewhere
     * (being changed) are left for the next poll. Also says whether any active subscription has a
     * delivery due.
     */
    Poll fanOut() {
        Tuple row =
                (Tuple)
                        em.createNativeQuery(
                                        """
                        WITH subscription AS (
                            SELECT id, fanned_txid, fanned_position, types, missions, scope
                              FROM webhook_subscription s
                             WHERE EXISTS (SELECT 1 FROM event e
                                            WHERE (e.txid, e.position) > (s.fanned_txid, s.fanned_position)
                                              AND e.%1$s)
                               FOR UPDATE SKIP LOCKED),
                        scanned AS (
                            SELECT s.id AS subscription_id, s.types, s.missions, s.scope,
                                   e.txid, e.position, e.id AS event_id, e.type, e.mission_acronym
                              FROM subscription s
                             CROSS JOIN LATERAL (
                                   SELECT txid, position, id, type, mission_acronym FROM event e
                                    WHERE (e.txid, e.position) > (s.fanned_txid, s.fanned_position)
                                      AND e.%1$s
                                    ORDER BY e.txid, e.position LIMIT :batch) e),
                        queued AS (
                            INSERT INTO webhook_delivery (id, subscription_id, event_txid, event_position,
                                                          event_id, event_type, status, next_attempt_at)
                            SELECT gen_random_uuid(), subscription_id, txid, position, event_id, type,
                                   'pending', clock_timestamp()
                              FROM scanned
                             WHERE (cardinality(types) = 0 OR type = ANY (types))
                               AND (cardinality(missions) = 0 OR mission_acronym = ANY (missions))
                               AND (scope IS NULL OR mission_acronym IS NULL OR mission_acronym = ANY (scope))
                             ORDER BY subscription_id, txid, position
                            ON CONFLICT DO NOTHING),
                        reached AS (
                            SELECT DISTINCT ON (subscription_id) subscription_id, txid, position
                              FROM scanned ORDER BY subscription_id, txid DESC, position DESC),
                        moved AS (
                            UPDATE webhook_subscription w
                               SET fanned_txid = r.txid, fanned_position = r.position
                              FROM reached r WHERE w.id = r.subscription_id
                            RETURNING 1)
                        SELECT (SELECT count(*) FROM moved) AS moved,
                               EXISTS (SELECT 1 FROM webhook_subscription s
                                        WHERE s.status = 'active'
                                          AND (SELECT h.next_attempt_at FROM (%2$s) h) <= clock_timestamp()) AS due,
                               EXISTS (SELECT 1 FROM webhook_subscription WHERE status = 'active') AS active
                        """
                                                .formatted(EventRepository.SETTLED, HEAD),
                                        Tuple.class)
                                .setParameter("batch", FAN_OUT_BATCH)
                                .getSingleResult();
        return new Poll(
                row.get("moved", Long.class),
                row.get("due", Boolean.class),
                row.get("active", Boolean.class));
    }

    /**
     * Locks, for this transaction, one active subscription whose oldest open delivery is due and
     * that no other worker holds; the one waiting longest first. Answers it and how many
     * subscriptions had a delivery due, or null when none could be taken.
     */
    Claim claim() {
        @SuppressWarnings("unchecked")
        List<Tuple> rows =
                em.createNativeQuery(
                                """
                        WITH due AS MATERIALIZED (
                            SELECT s.id, h.next_attempt_at
                              FROM webhook_subscription s CROSS JOIN LATERAL (%s) h
                             WHERE s.status = 'active' AND h.next_attempt_at <= clock_timestamp())
                        SELECT id, (SELECT count(*) FROM due) AS waiting
                          FROM (SELECT id FROM due ORDER BY next_attempt_at) d
                         WHERE pg_try_advisory_xact_lock(:space, hashtext(id::text))
                         LIMIT 1
                        """
                                        .formatted(HEAD),
                                Tuple.class)
                        .setParameter("space", LOCK_SPACE)
                        .getResultList();
        return rows.isEmpty()
                ? null
                : new Claim(
                        rows.get(0).get("id", UUID.class), rows.get(0).get("waiting", Long.class));
    }

    /**
     * The front of a claimed subscription's queue, oldest first, up to {@code limit} open
     * deliveries from its head while they are due; read after the lock was taken, so a delivery
     * another worker finished meanwhile is seen as finished. Empty when the subscription is no
     * longer active or its head is not due.
     */
    List<Head> front(UUID subscription, int limit) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows =
                em.createNativeQuery(
                                """
                        SELECT s.url, s.secret, d.id AS delivery, d.first_failed_at,
                               d.next_attempt_at <= clock_timestamp() AS due,
                               e.txid::text AS txid, e.position, e.id AS event_id, e.type, e.subject,
                               e.mission_acronym, e.data::text AS data, e.occurred_at
                          FROM webhook_subscription s
                          CROSS JOIN LATERAL (
                                SELECT id, event_txid, event_position, first_failed_at, next_attempt_at
                                  FROM webhook_delivery d
                                 WHERE d.subscription_id = s.id AND d.status IN ('pending', 'retrying')
                                 ORDER BY d.event_txid, d.event_position LIMIT :limit) d
                          LEFT JOIN event e ON e.txid = d.event_txid AND e.position = d.event_position
                         WHERE s.id = :id AND s.status = 'active'
                         ORDER BY d.event_txid, d.event_position
                        """,
                                Tuple.class)
                        .setParameter("id", subscription)
                        .setParameter("limit", limit)
                        .getResultList();
        List<Head> front = new ArrayList<>();
        for (Tuple row : rows) {
            if (!row.get("due", Boolean.class)) {
                break;
            }
            String txid = row.get("txid", String.class);
            EventRepository.StoredEvent event =
                    txid == null
                            ? null
                            : new EventRepository.StoredEvent(
                                    new FeedPosition(
                                            Long.parseLong(txid), row.get("position", Long.class)),
                                    row.get("event_id", UUID.class),
                                    row.get("type", String.class),
                                    row.get("subject", String.class),
                                    row.get("mission_acronym", String.class),
                                    row.get("data", String.class),
                                    WebhookRepository.instant(row, "occurred_at"));
            front.add(
                    new Head(
                            subscription,
                            row.get("delivery", UUID.class),
                            row.get("url", String.class),
                            row.get("secret", String.class),
                            WebhookRepository.instant(row, "first_failed_at"),
                            event));
        }
        return front;
    }

    /** Writes how an attempt (or a decision not to attempt) ended. */
    void record(UUID delivery, Outcome outcome) {
        em.createNativeQuery(
                        """
                        UPDATE webhook_delivery
                           SET status = :status, attempts = attempts + :counted, last_attempt_at = :at,
                               last_status_code = :code, last_duration_ms = :duration, last_error = :error,
                               first_failed_at = :first_failed, next_attempt_at = :next
                         WHERE id = :id
                        """)
                .unwrap(NativeQuery.class)
                .setParameter("status", outcome.status().value())
                .setParameter("counted", outcome.attempted() ? 1 : 0)
                .setParameter("at", outcome.at(), OffsetDateTime.class)
                .setParameter("code", outcome.statusCode(), Integer.class)
                .setParameter("duration", outcome.durationMs(), Long.class)
                .setParameter("error", outcome.error(), String.class)
                .setParameter("first_failed", outcome.firstFailedAt(), OffsetDateTime.class)
                .setParameter("next", outcome.nextAttemptAt(), OffsetDateTime.class)
                .setParameter("id", delivery)
                .executeUpdate();
    }

    /** A delivery that succeeded: when, the answer's status, how long it took. */
    record Sent(UUID delivery, OffsetDateTime at, int statusCode, long durationMs) {}

    /** Records successful deliveries, all in one statement. */
    void succeeded(List<Sent> sent) {
        em.createNativeQuery(
                        """
                        UPDATE webhook_delivery d
                           SET status = 'succeeded', attempts = d.attempts + 1, last_attempt_at = v.at,
                               last_status_code = v.code, last_duration_ms = v.took, last_error = NULL,
                               next_attempt_at = NULL
                          FROM unnest(CAST(string_to_array(:ids, ',') AS uuid[]),
                                      CAST(string_to_array(:ats, ',') AS timestamptz[]),
                                      CAST(string_to_array(:codes, ',') AS integer[]),
                                      CAST(string_to_array(:took, ',') AS bigint[])) AS v (id, at, code, took)
                         WHERE d.id = v.id
                        """)
                .setParameter("ids", join(sent, s -> s.delivery().toString()))
                .setParameter("ats", join(sent, s -> s.at().toString()))
                .setParameter("codes", join(sent, s -> Integer.toString(s.statusCode())))
                .setParameter("took", join(sent, s -> Long.toString(s.durationMs())))
                .executeUpdate();
    }

    private static String join(List<Sent> sent, Function<Sent, String> part) {
        return sent.stream().map(part).collect(Collectors.joining(","));
    }

    /** Stops sending to a subscription that failed too long, until it is resumed or retried. */
    void markFailing(UUID subscription) {
        em.createNativeQuery(
                        "UPDATE webhook_subscription SET status = 'failing', version = version + 1"
                                + " WHERE id = :id AND status = 'active'")
                .setParameter("id", subscription)
                .executeUpdate();
    }

    /**
     * Deletes up to {@code batch} finished deliveries created before {@code cutoff} (their events
     * are gone by then too); answers how many went.
     */
    int prune(OffsetDateTime cutoff, int batch) {
        return em.createNativeQuery(
                        """
                        DELETE FROM webhook_delivery WHERE id IN (
                            SELECT id FROM webhook_delivery
                             WHERE status IN ('succeeded', 'failed') AND created_at < :cutoff
                             LIMIT :batch)
                        """)
                .setParameter("cutoff", cutoff)
                .setParameter("batch", batch)
                .executeUpdate();
    }

    /** What the metrics show: open deliveries, failing subscriptions, the oldest due delivery. */
    record Backlog(long open, long failing, double oldestDueSeconds) {}

    Backlog backlog() {
        Tuple row =
                (Tuple)
                        em.createNativeQuery(
                                        """
                        SELECT (SELECT count(*) FROM webhook_delivery
                                 WHERE status IN ('pending', 'retrying')) AS open,
                               (SELECT count(*) FROM webhook_subscription
                                 WHERE status = 'failing') AS failing,
                               coalesce((SELECT extract(epoch FROM clock_timestamp() - min(d.created_at))
                                           FROM webhook_delivery d JOIN webhook_subscription s
                                             ON s.id = d.subscription_id AND s.status = 'active'
                                          WHERE d.status IN ('pending', 'retrying')), 0)::float8 AS oldest
                        """,
                                        Tuple.class)
                                .getSingleResult();
        return new Backlog(
                row.get("open", Long.class),
                row.get("failing", Long.class),
                row.get("oldest", Double.class));
    }
}
