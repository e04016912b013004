package org.a4ptracker.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
 * <p>The cache is only trusted while the listener ({@link DatabaseNotifications}) is known to be
 * alive: when it has not proved its connection within two heartbeats, every read goes to the
 * database (which, if the database is gone, answers 503 as before). After the listener reconnects,
 * everything is dropped, since changes made while nobody listened were never announced. Another
 * replica's change is thus seen after the notification's delivery time (milliseconds), at worst
 * after two heartbeats.
 */
@ApplicationScoped
public class ReferenceCache {

    public static final String CHANNEL = "a4p_reference_changed";

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
    private final DatabaseNotifications notifications;
    private final boolean enabled;

    ReferenceCache(
            TransactionSynchronizationRegistry transactions,
            DatabaseNotifications notifications,
            @ConfigProperty(name = "a4p.reference-cache.enabled") boolean enabled) {
        this.transactions = transactions;
        this.notifications = notifications;
        this.enabled = enabled;
        if (enabled) {
            notifications.listen(CHANNEL, this::drop, this::dropAll);
        }
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
        AfterCommit.run(transactions, () -> drop(topic));
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
