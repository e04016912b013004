package org.a4ptracker.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads served from memory for as long as they are known not to have changed, on this replica and
 * on every other one: reference data (priorities, indicators, missions) and accountability cases.
 *
 * <p>Reference data: every change to a reference table fires {@code
 * pg_notify('a4p_reference_changed', topic)} from a statement trigger (migration V13), whoever made
 * it: this replica, another one, a migration or an operator with psql. Each replica LISTENs on its
 * own connection and drops the topic's entries when the notification arrives.
 *
 * <p>Cases are written far more often, and a notifying transaction holds a database-wide lock until
 * it commits ({@link DatabaseNotifications}), so no trigger announces them: the service announces a
 * change itself after the commit ({@link DatabaseNotifications#announce}, on {@code
 * a4p_changed_<topic>}), and other replicas drop the topic's entries when they hear of it (within
 * about 50 ms). A change the service did not make (psql), or an announcement lost with a replica
 * that died between its commit and the announcement, is seen when the entry is older than its
 * region's {@code maxAge}: that bounds how stale such a region can be whatever happens.
 *
 * <p>In both cases the writing replica does not wait: {@link #changedOnCommit} drops its entries
 * the moment its transaction commits, so a client reads its own writes. An entry loaded while a
 * change committed is not kept (each region counts its drops).
 *
 * <p>The cache is only trusted while the listener ({@link DatabaseNotifications}) is known to be
 * alive: when it has not proved its connection within two heartbeats, every read goes to the
 * database (which, if the database is gone, answers 503 as before). After the listener reconnects,
 * everything is dropped, since changes made while nobody listened were never announced.
 */
@ApplicationScoped
public class ReadCache {

    public static final String CHANNEL = "a4p_reference_changed";
    private static final String ANNOUNCED_CHANNEL_PREFIX = "a4p_changed_";

    /** One kind of data: entries by key, dropped together when its topic changes. */
    public final class Region<K, V> {
        private record Held<V>(V value, long loadedAt) {}

        private final Map<K, Held<V>> entries = new ConcurrentHashMap<>();
        private final AtomicLong generation = new AtomicLong();
        private final int capacity;
        private final long maxAgeNanos;

        private Region(int capacity, Duration maxAge) {
            this.capacity = capacity;
            this.maxAgeNanos = maxAge.toNanos();
        }

        /**
         * The entry for {@code key}, loaded with {@code load} when not held (or not trusted, or too
         * old); a {@code null} from {@code load} (nothing there) is answered but not kept.
         */
        public V get(K key, Function<K, V> load) {
            if (!trusted()) {
                return load.apply(key);
            }
            long now = System.nanoTime();
            Held<V> held = entries.get(key);
            if (held != null && now - held.loadedAt() < maxAgeNanos) {
                return held.value();
            }
            long before = generation.get();
            V loaded = load.apply(key);
            if (loaded != null && generation.get() == before) {
                if (entries.size() >= capacity) {
                    // Full: start again rather than track which entry is least useful.
                    entries.clear();
                }
                entries.put(key, new Held<>(loaded, now));
                // A change committed while this was loading: what was loaded may predate it.
                if (generation.get() != before) {
                    entries.remove(key);
                }
            }
            return loaded;
        }

        /**
         * The entry for {@code key} if it is held, young enough and trusted, without loading it.
         */
        public Optional<V> held(K key) {
            Held<V> held = trusted() ? entries.get(key) : null;
            return held != null && System.nanoTime() - held.loadedAt() < maxAgeNanos
                    ? Optional.of(held.value())
                    : Optional.empty();
        }

        private void drop() {
            generation.incrementAndGet();
            entries.clear();
        }
    }

    private final Map<String, List<Region<?, ?>>> regions = new ConcurrentHashMap<>();
    private final Set<String> announcedTopics = ConcurrentHashMap.newKeySet();
    private final TransactionSynchronizationRegistry transactions;
    private final DatabaseNotifications notifications;
    private final boolean enabled;

    ReadCache(
            TransactionSynchronizationRegistry transactions,
            DatabaseNotifications notifications,
            @ConfigProperty(name = "a4p.read-cache.enabled") boolean enabled) {
        this.transactions = transactions;
        this.notifications = notifications;
        this.enabled = enabled;
        if (enabled) {
            notifications.listen(CHANNEL, this::drop, this::dropAll);
        }
    }

    /**
     * A new region of reference data, unbounded and kept until {@code topic} changes: the name the
     * V13 triggers announce for the tables its entries come from.
     */
    public <K, V> Region<K, V> region(String topic) {
        return add(topic, new Region<>(Integer.MAX_VALUE, Duration.ofNanos(Long.MAX_VALUE)));
    }

    /**
     * A new region whose changes only this service announces ({@link #changedOnCommit}): at most
     * {@code capacity} entries, each trusted for at most {@code maxAge}.
     */
    public <K, V> Region<K, V> announcedRegion(String topic, int capacity, Duration maxAge) {
        if (enabled && announcedTopics.add(topic)) {
            notifications.listen(
                    ANNOUNCED_CHANNEL_PREFIX + topic, payload -> drop(topic), this::dropAll);
        }
        return add(topic, new Region<>(capacity, maxAge));
    }

    private <K, V> Region<K, V> add(String topic, Region<K, V> region) {
        regions.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(region);
        return region;
    }

    /**
     * The current transaction changes {@code topic}'s data: its entries go when it commits (and
     * nothing changes when it rolls back); the other replicas hear of it then too when the topic is
     * one this service announces.
     */
    public void changedOnCommit(String topic) {
        AfterCommit.run(
                transactions,
                () -> {
                    if (announcedTopics.contains(topic)) {
                        // Reaches this replica's own listener at once, which drops the entries.
                        notifications.announce(ANNOUNCED_CHANNEL_PREFIX + topic);
                    } else {
                        drop(topic);
                    }
                });
    }

    private boolean trusted() {
        return enabled && notifications.alive();
    }

    private void drop(String topic) {
        regions.getOrDefault(topic, List.of()).forEach(Region::drop);
    }

    private void dropAll() {
        regions.values().forEach(topic -> topic.forEach(Region::drop));
    }
}
