package org.a4ptracker.platform.security;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.a4ptracker.platform.DaemonThreads;
import org.a4ptracker.platform.http.ProblemException;
import org.a4ptracker.platform.persistence.Keyset;
import org.a4ptracker.platform.persistence.StoredEnum;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Who read a sensitive record in full, when and how; one log serves every kind of record.
 *
 * <p>A read of the current state, served from memory, is {@link #queue queued} with the instant it
 * was shown and written by a batch {@code INSERT} at most {@code a4p.read-log.flush-interval} later
 * (one statement for all the reads queued meanwhile), so it costs the read no round trip. What can
 * be lost is bounded: the reads of the last flush interval when the JVM dies outright (SIGKILL, out
 * of memory, power); a stop drains the queue first, and a database that cannot take the batch keeps
 * it queued until it can. When the queue is full ({@code a4p.read-log.capacity}), a read waits for
 * room, and after two seconds answers 503 without showing the record: no read is ever shown without
 * being queued. {@link #page} writes what is queued before it reads, so a replica's reads are
 * listed as soon as they are made.
 *
 * <p>Other reads (a past state, the answer to a write) write their entry in the transaction that
 * reads the record ({@link #record}).
 */
@ApplicationScoped
public class ReadLog {

    private static final Logger LOG = Logger.getLogger(ReadLog.class);
    private static final long QUEUE_WAIT_MILLIS = 2_000;
    private static final int BATCH = 500;

    /** How the record was shown: as it is now, or as it was at a past instant. */
    public enum View implements StoredEnum {
        CURRENT,
        AS_OF
    }

    public record Read(long id, String reader, OffsetDateTime readAt, View view) {}

    /** A read to log: what kind of record, who reads it and how it is shown. */
    public record Entry(String recordType, String reader, View view) {}

    private record Queued(Entry entry, UUID recordId, Instant readAt) {}

    private final EntityManager em;
    private final DataSource dataSource;
    private final BlockingQueue<Queued> queued;

    /** Taken from the queue but not written yet (the database refused): written first. */
    private final List<Queued> unwritten = new ArrayList<>();

    private final ScheduledExecutorService writer =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("read-log-writer"));
    private volatile boolean stopped;

    ReadLog(
            EntityManager em,
            DataSource dataSource,
            @ConfigProperty(name = "a4p.read-log.capacity") int capacity,
            @ConfigProperty(name = "a4p.read-log.flush-interval") Duration flushInterval) {
        this.em = em;
        this.dataSource = dataSource;
        this.queued = new ArrayBlockingQueue<>(capacity);
        writer.scheduleWithFixedDelay(
                this::writeInBackground,
                flushInterval.toMillis(),
                flushInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Logs a full view of the current state shown outside a transaction: queued now, written within
     * the flush interval; a 503 when the queue stays full (the record is not shown then).
     */
    public void queue(Entry entry, UUID recordId) {
        Queued read = new Queued(entry, recordId, Instant.now());
        try {
            if (stopped) {
                write(List.of(read));
            } else if (!queued.offer(read, QUEUE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw unavailable();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (SQLException e) {
            throw unavailable();
        }
    }

    /** {@link #queue} without waiting (on the I/O thread): false when full or stopping. */
    public boolean tryQueue(Entry entry, UUID recordId) {
        return !stopped && queued.offer(new Queued(entry, recordId, Instant.now()));
    }

    private static ProblemException unavailable() {
        return ProblemException.serviceUnavailable(
                "The read log cannot take this read now; the record is not shown. Retry later.",
                Map.of("Retry-After", "2"));
    }

    private void writeInBackground() {
        try {
            writeQueued();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Queued reads are kept until the database takes them: %s", e.getMessage());
        }
    }

    /**
     * Writes every read queued so far, the oldest first; reads queued meanwhile wait for the next
     * call, so that a caller does not chase a queue that a busy replica keeps filling.
     */
    private synchronized void writeQueued() throws SQLException {
        int left = unwritten.size() + queued.size();
        while (left > 0) {
            if (unwritten.isEmpty()) {
                queued.drainTo(unwritten, Math.min(BATCH, left));
            }
            if (unwritten.isEmpty()) {
                return;
            }
            write(unwritten);
            left -= unwritten.size();
            unwritten.clear();
        }
    }

    private void write(List<Queued> reads) throws SQLException {
        int n = reads.size();
        String[] types = new String[n];
        String[] ids = new String[n];
        String[] readers = new String[n];
        String[] views = new String[n];
        String[] times = new String[n];
        for (int i = 0; i < n; i++) {
            Queued read = reads.get(i);
            types[i] = read.entry().recordType();
            ids[i] = read.recordId().toString();
            readers[i] = read.entry().reader();
            views[i] = read.entry().view().value();
            times[i] = read.readAt().toString();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert =
                        connection.prepareStatement(
                                "INSERT INTO read_log (record_type, record_id, reader, view, read_at)"
                                        + " SELECT * FROM unnest(CAST(? AS text[]),"
                                        + " CAST(CAST(? AS text[]) AS uuid[]), CAST(? AS text[]),"
                                        + " CAST(? AS text[]), CAST(CAST(? AS text[]) AS timestamptz[]))")) {
            insert.setArray(1, connection.createArrayOf("text", types));
            insert.setArray(2, connection.createArrayOf("text", ids));
            insert.setArray(3, connection.createArrayOf("text", readers));
            insert.setArray(4, connection.createArrayOf("text", views));
            insert.setArray(5, connection.createArrayOf("text", times));
            insert.executeUpdate();
        }
    }

    /** A stop writes what is queued; reads shown after this are written one by one. */
    void stop(@Observes ShutdownEvent stopping) {
        stopped = true;
        writer.shutdown();
        try {
            // Once stopped, no read is queued any more, except one that was being queued as the
            // flag turned: the queue empties.
            do {
                writeQueued();
            } while (!queued.isEmpty());
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(
                    "%d reads could not be written to the read log at shutdown: %s",
                    unwritten.size() + queued.size(), e.getMessage());
        }
    }

    /** Logs a read in the current transaction (a past state, the answer to a write). */
    public void record(Entry entry, UUID recordId) {
        em.createNativeQuery(
                        "INSERT INTO read_log (record_type, record_id, reader, view)"
                                + " VALUES (:type, :id, :reader, :view)")
                .setParameter("type", entry.recordType())
                .setParameter("id", recordId)
                .setParameter("reader", entry.reader())
                .setParameter("view", entry.view().value())
                .executeUpdate();
    }

    /** The reads of one record, newest first, including those still queued here. */
    public Keyset.Page<Read> page(String recordType, UUID recordId, Keyset keyset) {
        try {
            writeQueued();
        } catch (SQLException e) {
            throw new IllegalStateException("Queued reads could not be written", e);
        }
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
