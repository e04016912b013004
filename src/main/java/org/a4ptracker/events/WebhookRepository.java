package org.a4ptracker.events;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.a4ptracker.platform.persistence.Keyset;
import org.a4ptracker.platform.persistence.StoredEnum;

/**
 * Webhook subscriptions and their deliveries as the API reads and changes them; the delivery worker
 * has its own statements ({@link WebhookQueue}).
 */
@ApplicationScoped
public class WebhookRepository implements PanacheRepositoryBase<WebhookSubscriptionEntity, UUID> {

    enum DeliveryStatus implements StoredEnum {
        PENDING,
        RETRYING,
        SUCCEEDED,
        FAILED
    }

    /** One delivery of an event to a subscription, as its list shows it. */
    record Delivery(
            UUID id,
            UUID eventId,
            String eventType,
            DeliveryStatus status,
            int attempts,
            OffsetDateTime lastAttemptAt,
            Integer lastStatusCode,
            Long lastDurationMs,
            String lastError,
            OffsetDateTime nextAttemptAt,
            OffsetDateTime createdAt) {}

    private static final String DELIVERY_COLUMNS =
            "id, event_id, event_type, status, attempts, last_attempt_at, last_status_code,"
                    + " last_duration_ms, last_error, next_attempt_at, created_at";

    /**
     * Inserts a subscription that receives the events settled after this moment: its feed position
     * starts at the last settled event (or at the retention mark when none is kept). {@code scope}
     * null for all missions.
     */
    void insert(WebhookSubscriptionEntity s) {
        getEntityManager()
                .createNativeQuery(
                        "INSERT INTO webhook_subscription (id, url, types, missions, scope, secret,"
                                + " status, created_at, created_by, fanned_txid, fanned_position)"
                                + " SELECT :id, :url, string_to_array(:types, ','),"
                                + " string_to_array(:missions, ','),"
                                + " string_to_array(CAST(:scope AS text), ','), :secret, :status,"
                                + " :created_at, :created_by,"
                                + " coalesce(last.txid, purged.through_txid),"
                                + " coalesce(last.position, purged.through_position)"
                                + " FROM event_purge purged LEFT JOIN LATERAL (SELECT txid, position"
                                + " FROM event WHERE "
                                + EventRepository.SETTLED
                                + " ORDER BY txid DESC, position DESC LIMIT 1) last ON true")
                .setParameter("id", s.id)
                .setParameter("url", s.url)
                .setParameter("types", String.join(",", s.types))
                .setParameter("missions", String.join(",", s.missions))
                .setParameter("scope", s.scope == null ? null : String.join(",", s.scope))
                .setParameter("secret", s.secret)
                .setParameter("status", s.status.value())
                .setParameter("created_at", s.createdAt)
                .setParameter("created_by", s.createdBy)
                .executeUpdate();
    }

    /**
     * The subscriptions a caller who sees {@code visible} missions ({@code null}: all) may see,
     * newest first.
     */
    Keyset.Page<WebhookSubscriptionEntity> page(Set<String> visible, Keyset keyset) {
        StringBuilder sql = new StringBuilder("SELECT * FROM webhook_subscription WHERE true");
        if (visible != null) {
            sql.append(" AND scope <@ string_to_array(:visible, ',')");
        }
        if (!keyset.firstPage()) {
            sql.append(" AND created_at <= :at AND (created_at < :at OR id > :id)");
        }
        sql.append(" ORDER BY created_at DESC, id LIMIT :limit");
        var query =
                getEntityManager()
                        .createNativeQuery(sql.toString(), WebhookSubscriptionEntity.class)
                        .setParameter("limit", keyset.fetchSize());
        if (visible != null) {
            query.setParameter("visible", String.join(",", visible));
        }
        if (!keyset.firstPage()) {
            query.setParameter("at", keyset.afterInstant(0)).setParameter("id", keyset.afterId(1));
        }
        @SuppressWarnings("unchecked")
        List<WebhookSubscriptionEntity> rows = query.getResultList();
        return keyset.page(rows, s -> List.of(s.createdAt.toString(), s.id.toString()));
    }

    /** A subscription's deliveries, newest first. */
    Keyset.Page<Delivery> deliveries(UUID subscription, Keyset keyset) {
        String after =
                keyset.firstPage()
                        ? ""
                        : " AND created_at <= :at AND (created_at < :at OR id > :id)";
        var query =
                getEntityManager()
                        .createNativeQuery(
                                "SELECT "
                                        + DELIVERY_COLUMNS
                                        + " FROM webhook_delivery WHERE subscription_id = :subscription"
                                        + after
                                        + " ORDER BY created_at DESC, id LIMIT :limit",
                                Tuple.class)
                        .setParameter("subscription", subscription)
                        .setParameter("limit", keyset.fetchSize());
        if (!keyset.firstPage()) {
            query.setParameter("at", keyset.afterInstant(0)).setParameter("id", keyset.afterId(1));
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return keyset.page(
                rows.stream().map(WebhookRepository::delivery).toList(),
                d -> List.of(d.createdAt().toString(), d.id().toString()));
    }

    /**
     * Puts a delivery back in its subscription's queue, due now, with a new 24-hour allowance for
     * failures; empty when the subscription has no such delivery.
     */
    Optional<Delivery> requeue(UUID subscription, UUID delivery) {
        int changed =
                getEntityManager()
                        .createNativeQuery(
                                "UPDATE webhook_delivery SET status = 'pending',"
                                        + " next_attempt_at = clock_timestamp(), first_failed_at = NULL"
                                        + " WHERE subscription_id = :subscription AND id = :id")
                        .setParameter("subscription", subscription)
                        .setParameter("id", delivery)
                        .executeUpdate();
        if (changed == 0) {
            return Optional.empty();
        }
        Tuple row =
                (Tuple)
                        getEntityManager()
                                .createNativeQuery(
                                        "SELECT "
                                                + DELIVERY_COLUMNS
                                                + " FROM webhook_delivery WHERE id = :id",
                                        Tuple.class)
                                .setParameter("id", delivery)
                                .getSingleResult();
        return Optional.of(delivery(row));
    }

    private static Delivery delivery(Tuple row) {
        return new Delivery(
                row.get("id", UUID.class),
                row.get("event_id", UUID.class),
                row.get("event_type", String.class),
                StoredEnum.of(DeliveryStatus.class, row.get("status", String.class)),
                row.get("attempts", Integer.class),
                instant(row, "last_attempt_at"),
                row.get("last_status_code", Integer.class),
                row.get("last_duration_ms", Long.class),
                row.get("last_error", String.class),
                instant(row, "next_attempt_at"),
                instant(row, "created_at"));
    }

    /** A timestamptz column of a native query row, in UTC. */
    static OffsetDateTime instant(Tuple row, String column) {
        java.time.Instant at = row.get(column, java.time.Instant.class);
        return at == null ? null : at.atOffset(java.time.ZoneOffset.UTC);
    }
}
