package org.a4ptracker.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.a4ptracker.api.model.CloudEvent;
import org.a4ptracker.api.model.EventPage;
import org.a4ptracker.api.model.EventType;
import org.a4ptracker.platform.http.ProblemException;
import org.a4ptracker.platform.persistence.Keyset;
import org.a4ptracker.platform.security.CallerScope;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the change feed for a caller. Each read is a short transaction of its own, so a long-poll
 * waiting for events holds no database connection; at most {@code a4p.events.max-waiters}
 * long-polls wait at once per replica, the others answer at once.
 */
@ApplicationScoped
@Transactional(TxType.NOT_SUPPORTED)
public class EventService {

    private final EventRepository events;
    private final EventSignal signal;
    private final CallerScope scope;
    private final ObjectMapper json;
    private final String source;
    private final int maxWaiters;
    private final AtomicInteger waiters = new AtomicInteger();

    EventService(
            EventRepository events,
            EventSignal signal,
            CallerScope scope,
            ObjectMapper json,
            @ConfigProperty(name = "a4p.events.source") String source,
            @ConfigProperty(name = "a4p.events.max-waiters") int maxWaiters,
            MeterRegistry metrics) {
        this.events = events;
        this.signal = signal;
        this.scope = scope;
        this.json = json;
        this.source = source;
        this.maxWaiters = maxWaiters;
        Gauge.builder("a4p.events.long_polls.waiting", waiters, AtomicInteger::get)
                .description("Long-polls of GET /events waiting for an event on this replica")
                .register(metrics);
    }

    EventPage feed(
            String after,
            List<EventType> types,
            List<String> missions,
            Integer waitSeconds,
            Integer limit) {
        FeedPosition from = position(after);
        int size = Keyset.of(limit, null, 0).limit();
        EventRepository.Filter filter = filter(types, missions);
        long wait = waitSeconds == null ? 0 : waitSeconds * 1000L;
        long deadline = System.nanoTime() + wait * 1_000_000L;
        boolean waiting = wait > 0 && waiters.incrementAndGet() <= maxWaiters;
        try {
            while (true) {
                long seen = signal.generation();
                EventPage page =
                        QuarkusTransaction.requiringNew().call(() -> read(from, filter, size));
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (!page.getItems().isEmpty()
                        || !waiting
                        || left <= 0
                        || !signal.await(seen, left)) {
                    return page;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return QuarkusTransaction.requiringNew().call(() -> read(from, filter, size));
        } finally {
            if (wait > 0) {
                waiters.decrementAndGet();
            }
        }
    }

    /**
     * The next {@code size} events after {@code after} (or the oldest kept), without waiting, and
     * the cursor after them; null after the last (the feed as CSV, read in batches).
     */
    Keyset.Page<CloudEvent> batch(
            String after, List<EventType> types, List<String> missions, int size) {
        FeedPosition from = position(after);
        EventRepository.Filter filter = filter(types, missions);
        EventPage page = QuarkusTransaction.requiringNew().call(() -> read(from, filter, size));
        return new Keyset.Page<>(
                page.getItems(), page.getItems().size() < size ? null : page.getNextCursor());
    }

    private EventRepository.Filter filter(List<EventType> types, List<String> missions) {
        return new EventRepository.Filter(
                names(types),
                missions == null ? Set.of() : new LinkedHashSet<>(missions),
                scope.seesAll() ? null : scope.missions());
    }

    private EventPage read(FeedPosition from, EventRepository.Filter filter, int size) {
        FeedPosition purged = events.purgedThrough();
        FeedPosition start = from == null ? purged : from;
        if (purged.isAfter(start)) {
            throw new ProblemException(
                    410,
                    "/problems/cursor-expired",
                    "Cursor expired",
                    "Events after this cursor are no longer kept; start again without `after` and"
                            + " reconcile through the lists.");
        }
        List<EventRepository.StoredEvent> read = events.after(start, filter, size);
        FeedPosition next = read.isEmpty() ? start : read.get(read.size() - 1).at();
        return new EventPage()
                .items(read.stream().map(e -> EventMapper.toApi(e, source, json)).toList())
                .nextCursor(next.cursor());
    }

    private static FeedPosition position(String after) {
        if (after == null || after.isEmpty()) {
            return null;
        }
        try {
            return FeedPosition.of(after);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidParameter(
                    "after", "is not a cursor returned by this feed");
        }
    }

    private static Set<String> names(List<EventType> types) {
        Set<String> names = new LinkedHashSet<>();
        if (types != null) {
            types.forEach(t -> names.add(t.toString()));
        }
        return names;
    }
}
