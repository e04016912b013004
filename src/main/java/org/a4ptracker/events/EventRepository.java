package org.a4ptracker.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The outbox table {@code event} (migration V14) and its retention mark. */
@ApplicationScoped
public class EventRepository {

    /**
     * The rule that makes the feed skip nothing: only events of transactions older than every
     * transaction still running are read, in (txid, position) order. A transaction still open has a
     * txid at or above {@code pg_snapshot_xmin}, so whatever it commits later sorts after
     * everything a reader has already been given.
     */
    static final String SETTLED = "txid < pg_snapshot_xmin(pg_current_snapshot())";

    /** An event as stored; {@code data} is its JSON text. */
    public record StoredEvent(
            FeedPosition at,
            UUID id,
            String type,
            String subject,
            String missionAcronym,
            String data,
            OffsetDateTime occurredAt) {}

    /**
     * Which events to read: {@code types} and {@code missions} empty for all; {@code scope} the
     * missions the reader may see, {@code null} for all (events of no mission are in every scope).
     */
    public record Filter(Set<String> types, Set<String> missions, Set<String> scope) {}

    private final EntityManager em;

    EventRepository(EntityManager em) {
        this.em = em;
    }

    void insert(String type, String subject, String missionAcronym, String data) {
        em.createNativeQuery(
                        "INSERT INTO event (type, subject, mission_acronym, data)"
                                + " VALUES (:type, :subject, :mission, CAST(:data AS jsonb))")
                .setParameter("type", type)
                .setParameter("subject", subject)
                .setParameter("mission", missionAcronym)
                .setParameter("data", data)
                .executeUpdate();
    }

    /**
     * Up to {@code limit} settled events after {@code after} that pass {@code filter}, in order.
     */
    public List<StoredEvent> after(FeedPosition after, Filter filter, int limit) {
        StringBuilder sql =
                new StringBuilder(
                                "SELECT txid::text AS txid, position, id, type, subject, mission_acronym,"
                                        + " data::text AS data, occurred_at FROM event"
                                        + " WHERE (txid, position) > (CAST(:txid AS xid8), :position) AND ")
                        .append(SETTLED);
        if (!filter.types().isEmpty()) {
            sql.append(" AND type = ANY(string_to_array(:types, ','))");
        }
        if (!filter.missions().isEmpty()) {
            sql.append(" AND mission_acronym = ANY(string_to_array(:missions, ','))");
        }
        if (filter.scope() != null) {
            sql.append(
                    " AND (mission_acronym IS NULL"
                            + " OR mission_acronym = ANY(string_to_array(:scope, ',')))");
        }
        sql.append(" ORDER BY event.txid, event.position LIMIT :limit");
        var query =
                em.createNativeQuery(sql.toString(), Tuple.class)
                        .setParameter("txid", Long.toString(after.txid()))
                        .setParameter("position", after.position())
                        .setParameter("limit", limit);
        if (!filter.types().isEmpty()) {
            query.setParameter("types", String.join(",", filter.types()));
        }
        if (!filter.missions().isEmpty()) {
            query.setParameter("missions", String.join(",", filter.missions()));
        }
        if (filter.scope() != null) {
            query.setParameter("scope", String.join(",", filter.scope()));
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows.stream()
                .map(
                        row ->
                                new StoredEvent(
                                        new FeedPosition(
                                                Long.parseLong(row.get("txid", String.class)),
                                                row.get("position", Long.class)),
                                        row.get("id", UUID.class),
                                        row.get("type", String.class),
                                        row.get("subject", String.class),
                                        row.get("mission_acronym", String.class),
                                        row.get("data", String.class),
                                        row.get("occurred_at", Instant.class)
                                                .atOffset(ZoneOffset.UTC)))
                .toList();
    }

    /** Every event at or before this position has been deleted by retention. */
    public FeedPosition purgedThrough() {
        Tuple row =
                (Tuple)
                        em.createNativeQuery(
                                        "SELECT through_txid::text AS txid, through_position"
                                                + " FROM event_purge",
                                        Tuple.class)
                                .getSingleResult();
        return new FeedPosition(
                Long.parseLong(row.get("txid", String.class)),
                row.get("through_position", Long.class));
    }

    /**
     * Deletes the oldest settled events written before {@code cutoff}, at most {@code batch}, as a
     * prefix of the feed order (an older event behind a newer one waits for it), and moves the
     * retention mark; answers how many went.
     */
    int purge(OffsetDateTime cutoff, int batch) {
        @SuppressWarnings("unchecked")
        List<Tuple> head =
                em.createNativeQuery(
                                "SELECT txid::text AS txid, position, occurred_at < :cutoff AS old"
                                        + " FROM event WHERE "
                                        + SETTLED
                                        + " ORDER BY event.txid, event.position LIMIT :batch",
                                Tuple.class)
                        .setParameter("cutoff", cutoff)
                        .setParameter("batch", batch)
                        .getResultList();
        int old = 0;
        while (old < head.size() && head.get(old).get("old", Boolean.class)) {
            old++;
        }
        if (old == 0) {
            return 0;
        }
        Tuple last = head.get(old - 1);
        em.createNativeQuery(
                        "WITH gone AS (DELETE FROM event WHERE (txid, position)"
                                + " <= (CAST(:txid AS xid8), :position))"
                                + " UPDATE event_purge SET through_txid = CAST(:txid AS xid8),"
                                + " through_position = :position")
                .setParameter("txid", last.get("txid", String.class))
                .setParameter("position", last.get("position", Long.class))
                .executeUpdate();
        return old;
    }
}
