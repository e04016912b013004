package org.a4ptracker.platform.persistence;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.a4ptracker.platform.DaemonThreads;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * PostgreSQL {@code LISTEN} for the whole service: one connection of its own (outside the pool, so
 * a busy pool never delays a notification), shared by every channel a feature listens to.
 *
 * <p>The listener proves itself every {@code a4p.notifications.heartbeat} with a round trip; {@link
 * #alive()} is true only while the last proof is younger than two heartbeats, so a caller that
 * relies on notifications (a cache) can stop relying on them as soon as the database goes quiet.
 * After a reconnect every listener is told through its {@code lost} callback, since notifications
 * sent while nobody listened were never delivered.
 *
 * <p>{@link #announce} is the other way round: it tells a channel's listeners on every replica that
 * something was committed, without putting a {@code NOTIFY} in the committing transaction. A
 * transaction that notifies holds a database-wide lock from its pre-commit until its commit record
 * is flushed, so notifying writers commit one at a time (measured in bench/README.md, "Change
 * feed": a case write with the notifying trigger ran at 0.76× of one without).
 */
@ApplicationScoped
public class DatabaseNotifications {

    private static final Logger LOG = Logger.getLogger(DatabaseNotifications.class);
    private static final String JDBC_PROPERTIES =
            "quarkus.datasource.jdbc.additional-jdbc-properties.";

    /** Other replicas hear of this one's commits on a channel at most this often. */
    static final long ANNOUNCE_GAP_MILLIS = 50;

    private record Listener(Consumer<String> announced, Runnable lost) {}

    private final Map<String, List<Listener>> channels = new ConcurrentHashMap<>();

    /** Channels with an announcement waiting to be sent to the other replicas. */
    private final Set<String> unannounced = ConcurrentHashMap.newKeySet();

    /** The payload of this replica's announcements, which its own listener skips. */
    private final String self = UUID.randomUUID().toString();

    private final Config config;
    private final DataSource dataSource;
    private final long heartbeatMillis;
    private final AtomicInteger registrations = new AtomicInteger();
    private final ScheduledExecutorService announcer =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("database-announcer"));
    private volatile long announcedAt = System.nanoTime() - ANNOUNCE_GAP_MILLIS * 1_000_000L;
    private volatile long provenAliveAt;
    private volatile boolean running;

    DatabaseNotifications(
            Config config,
            DataSource dataSource,
            @ConfigProperty(name = "a4p.notifications.heartbeat") Duration heartbeat) {
        this.config = config;
        this.dataSource = dataSource;
        this.heartbeatMillis = heartbeat.toMillis();
    }

    /**
     * Tells the listeners of {@code channel} that something was committed: this replica's at once
     * (on the caller's thread), every other replica's through one {@code NOTIFY} sent from a thread
     * of its own on a pooled connection, at most every {@link #ANNOUNCE_GAP_MILLIS} per channel.
     * Call it after the commit. When the database cannot be reached the announcement is dropped:
     * listeners re-read on their own schedule anyway.
     */
    public void announce(String channel) {
        deliver(channel, null);
        if (running && unannounced.add(channel)) {
            long due = announcedAt + ANNOUNCE_GAP_MILLIS * 1_000_000L - System.nanoTime();
            try {
                announcer.schedule(() -> send(channel), Math.max(0, due), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                unannounced.remove(channel);
            }
        }
    }

    private void send(String channel) {
        // Cleared first: a commit announced while this one is sent is announced again.
        unannounced.remove(channel);
        announcedAt = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, channel);
            notify.setString(2, self);
            notify.execute();
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Could not announce %s to the other replicas: %s", channel, e.getMessage());
        }
    }

    /**
     * Calls {@code announced} with the payload of every notification on {@code channel}, and {@code
     * lost} whenever notifications may have been missed (the connection was lost). A channel
     * registered while the service runs is listened to within one heartbeat.
     */
    public void listen(String channel, Consumer<String> announced, Runnable lost) {
        channels.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>())
                .add(new Listener(announced, lost));
        // Not alive for this channel until the listener has sent its LISTEN and proved itself.
        registrations.incrementAndGet();
        provenAliveAt = 0;
    }

    /** Whether the listener has proved its connection within the last two heartbeats. */
    public boolean alive() {
        return System.nanoTime() - provenAliveAt < 2_000_000L * heartbeatMillis;
    }

    public long heartbeatMillis() {
        return heartbeatMillis;
    }

    void start(@Observes StartupEvent started) {
        running = true;
        Thread listener = new Thread(this::listen, "database-notifications");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        provenAliveAt = 0;
        announcer.shutdown();
    }

    private void listen() {
        while (running) {
            try (Connection connection = connect()) {
                Set<String> listening = new HashSet<>();
                lost();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    long proof = System.nanoTime();
                    int registered = registrations.get();
                    for (String channel : channels.keySet()) {
                        if (listening.add(channel)) {
                            try (Statement statement = connection.createStatement()) {
                                statement.execute("LISTEN " + channel);
                            }
                        }
                    }
                    if (registered == registrations.get()) {
                        provenAliveAt = proof;
                    }
                    announced(pg.getNotifications((int) heartbeatMillis));
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("SELECT 1");
                    }
                    announced(pg.getNotifications());
                }
            } catch (SQLException | RuntimeException e) {
                provenAliveAt = 0;
                lost();
                LOG.debugf("Notification listener lost the database: %s", e.getMessage());
                pause();
            }
        }
    }

    private void lost() {
        channels.values().forEach(listeners -> listeners.forEach(l -> l.lost().run()));
    }

    private void announced(PGNotification[] notifications) {
        if (notifications == null) {
            return;
        }
        for (PGNotification notification : notifications) {
            // This replica's own announcements reached its listeners when they were made.
            if (!self.equals(notification.getParameter())) {
                deliver(notification.getName(), notification.getParameter());
            }
        }
    }

    private void deliver(String channel, String payload) {
        for (Listener listener : channels.getOrDefault(channel, List.of())) {
            listener.announced().accept(payload);
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(JDBC_PROPERTIES)) {
                config.getOptionalValue(name, String.class)
                        .ifPresent(
                                v -> properties.put(name.substring(JDBC_PROPERTIES.length()), v));
            }
        }
        config.getOptionalValue("quarkus.datasource.username", String.class)
                .ifPresent(v -> properties.put("user", v));
        config.getOptionalValue("quarkus.datasource.password", String.class)
                .ifPresent(v -> properties.put("password", v));
        properties.put("ApplicationName", "a4p-tracker notifications");
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class), properties);
    }

    private void pause() {
        try {
            Thread.sleep(heartbeatMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
