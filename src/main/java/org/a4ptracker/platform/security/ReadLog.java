package org.a4ptracker.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.a4ptracker.platform.persistence.Keyset;
import org.a4ptracker.platform.persistence.StoredEnum;

/**
 * Who read a sensitive record in full, when and how; one log serves every kind of record. Every
 * full view is written with the read itself, never later and never lost: a read of the current
 * state logs itself in the very statement that reads the record ({@link #loggingEveryRowOf}), so it
 * costs no round trip of its own; other reads (a past state, the answer to a write) write their
 * entry in the transaction that reads the record.
 */
@ApplicationScoped
public class ReadLog {

    /** How the record was shown: as it is now, or as it was at a past instant. */
    public enum View implements StoredEnum {
        CURRENT,
        AS_OF
    }

    public record Read(long id, String reader, OffsetDateTime readAt, View view) {}

    /** A read to log: what kind of record, who reads it and how it is shown. */
    public record Entry(String recordType, String reader, View view) {}

    private final EntityManager em;

    ReadLog(EntityManager em) {
        this.em = em;
    }

    public void record(Entry entry, UUID recordId) {
        bind(
                        em.createNativeQuery(
                                "INSERT INTO read_log (record_type, record_id, reader, view)"
                                        + " VALUES (:read_type, :read_id, :read_reader, :read_view)"),
                        entry)
                .setParameter("read_id", recordId)
                .executeUpdate();
    }

    /**
     * A common table expression that logs {@code entry} for every row of {@code source} (a table
     * expression of the same statement with an {@code id} column); bind it with {@link #bind}.
     */
    public static String loggingEveryRowOf(String source) {
        return "logged_read AS (INSERT INTO read_log (record_type, record_id, reader, view)"
                + " SELECT :read_type, id, :read_reader, :read_view FROM "
                + source
                + ")";
    }

    public static <Q extends Query> Q bind(Q query, Entry entry) {
        query.setParameter("read_type", entry.recordType())
                .setParameter("read_reader", entry.reader())
                .setParameter("read_view", entry.view().value());
        return query;
    }

    /** The reads of one record, newest first. */
    public Keyset.Page<Read> page(String recordType, UUID recordId, Keyset keyset) {
        String after = keyset.firstPage() ? "" : " AND (read_at, id) < (:atKey, :idKey)";
        var query =
                em.createNativeQuery(
                                "SELECT id, reader, read_at, view FROM read_log"
                                        + " WHERE record_type = :type AND record_id = :id"
                                        + after
                                        + " ORDER BY read_at DESC, id DESC LIMIT :limit",
                                Tuple.class)
                        .setParameter("type", recordType)
                        .setParameter("id", recordId)
                        .setParameter("limit", keyset.fetchSize());
        if (!keyset.firstPage()) {
            query.setParameter("atKey", keyset.afterInstant(0))
                    .setParameter("idKey", keyset.afterLong(1));
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        List<Read> reads =
                rows.stream()
                        .map(
                                r ->
                                        new Read(
                                                r.get("id", Number.class).longValue(),
                                                r.get("reader", String.class),
                                                r.get("read_at", Instant.class)
                                                        .atOffset(ZoneOffset.UTC),
                                                StoredEnum.of(
                                                        View.class, r.get("view", String.class))))
                        .toList();
        return keyset.page(reads, r -> List.of(r.readAt().toString(), String.valueOf(r.id())));
    }
}
