package org.a4ptracker.platform.persistence;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Reference data (priorities, indicators, missions) served from memory for as long as it is known
 * not to have changed, on this replica and on every other one.
 *
 * <p>Every change to a reference table fires {@code pg_notify('a4p_reference_changed', topic)} from
 * a statement trigger (migration V13), whoever made it: this replica, another one, a migration or
 * an operator with psql. Each replica LISTENs on its own connection and drops the topic's entries
 * when the notification arrives. The writing replica does not wait for its own notification: {@link
 * #changedOnCommit} drops its entries the moment its transaction commits, so a client reads its own
 * writes.
 *
 * <p>The cache is only trusted while the listener is known to be alive: it proves itself every
 * {@code a4p.reference-cache.heartbeat} with a round trip, and when no proof is younger than twice
 * that, every read goes to the database (which, if the database is gone, answers 503 as before).
 * After the listener reconnects, everything is dropped, since changes made while nobody listened
 * were never announced. Another replica's change is thus seen after the notification's delivery
 * time (milliseconds), at worst after two heartbeats.
 */
@ApplicationScoped
public class ReferenceCache {

    public static final String CHANNEL = "a4p_reference_changed";

    private static final Logger LOG = Logger.getLogger(ReferenceCache.class);
    private static final String JDBC_PROPERTIES =
            "quarkus.datasource.jdbc.additional-jdbc-properties.";

    /** One kind of reference data: entries by key, dropped together when its topic changes. */
    public final class Region<K, V> {
        private final Map<K, V> entries = new ConcurrentHashMap<>();
        private final AtomicLong generation = new AtomicLong();

        private Region() {}

        /**
         * The entry for {@code key}, loaded with {@code load} when not held (or not trusted); a
         * {@code null} from {@code load} (nothing there) is answered but not kept.
         */
        public V get(K key, Function<K, V> load) {
            if (!trusted()) {
                return load.apply(key);
            }
            V held = entries.get(key);
            if (held != null) {
                return held;
            }
            long before = generation.get();
            V loaded = load.apply(key);
            if (loaded != null && generation.get() == before) {
                entries.put(key, loaded);
                // A change committed while this was loading: what was loaded may predate it.
                if (generation.get() != before) {
                    entries.remove(key);
                }
            }
            return loaded;
        }

        /** The entry for {@code key} if it is held and trusted, without loading it. */
        public Optional<V> held(K key) {
            return trusted() ? Optional.ofNullable(entries.get(key)) : Optional.empty();
        }

        private void drop() {
            generation.incrementAndGet();
            entries.clear();
        }
    }

    private final Map<String, List<Region<?, ?>>> regions = new ConcurrentHashMap<>();
    private final TransactionSynchronizationRegistry transactions;
    private final Config config;
    private final long heartbeatMillis;
    private final boolean enabled;
    private volatile long provenAliveAt;
    private volatile boolean running;
    private Thread listener;

    ReferenceCache(
            TransactionSynchronizationRegistry transactions,
            Config config,
            @ConfigProperty(name = "a4p.reference-cache.heartbeat") Duration heartbeat,
            @ConfigProperty(name = "a4p.reference-cache.enabled") boolean enabled) {
        this.transactions = transactions;
        this.config = config;
        this.heartbeatMillis = heartbeat.toMillis();
        this.enabled = enabled;
    }

    /**
     * A new region dropped whenever {@code topic} changes: the name the V13 triggers announce for
     * the tables its entries come from.
     */
    public <K, V> Region<K, V> region(String topic) {
        Region<K, V> region = new Region<>();
        regions.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(region);
        return region;
    }

    /**
     * The current transaction changes {@code topic}'s tables: its entries go when it commits (and
     * nothing changes when it rolls back).
     */
    public void changedOnCommit(String topic) {
        if (transactions.getTransactionKey() == null) {
            drop(topic);
            return;
        }
        transactions.registerInterposedSynchronization(
                new Synchronization() {
                    @Override
                    public void beforeCompletion() {}

                    @Override
                    public void afterCompletion(int status) {
                        if (status == Status.STATUS_COMMITTED) {
                            drop(topic);
                        }
                    }
                });
    }

    private boolean trusted() {
        return enabled && System.nanoTime() - provenAliveAt < 2_000_000L * heartbeatMillis;
    }

    private void drop(String topic) {
        regions.getOrDefault(topic, List.of()).forEach(Region::drop);
    }

    private void dropAll() {
        regions.values().forEach(topic -> topic.forEach(Region::drop));
    }

    void start(@Observes StartupEvent started) {
        if (!enabled) {
            return;
        }
        running = true;
        listener = new Thread(this::listen, "reference-cache-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        provenAliveAt = 0;
    }

    private void listen() {
        while (running) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                dropAll();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    provenAliveAt = System.nanoTime();
                    announced(pg.getNotifications((int) heartbeatMillis));
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("SELECT 1");
                    }
                    announced(pg.getNotifications());
                }
            } catch (SQLException | RuntimeException e) {
                provenAliveAt = 0;
                dropAll();
                LOG.debugf("Reference cache listener lost the database: %s", e.getMessage());
                pause();
            }
        }
    }

    private void announced(PGNotification[] notifications) {
        if (notifications != null) {
            for (PGNotification notification : notifications) {
                drop(notification.getParameter());
            }
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
        properties.put("ApplicationName", "a4p-tracker reference cache");
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
