package org.a4ptracker.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.a4ptracker.platform.DaemonThreads;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Deletes events older than {@code a4p.events.retention}, every {@code a4p.events.purge-interval}
 * on every replica (deleting is idempotent), in batches so no transaction grows large.
 */
@ApplicationScoped
public class EventRetention {

    private static final Logger LOG = Logger.getLogger(EventRetention.class);
    private static final int BATCH = 5_000;

    private final EventRepository events;
    private final Duration retention;
    private final Duration interval;
    private ScheduledExecutorService timer;

    EventRetention(
            EventRepository events,
            @ConfigProperty(name = "a4p.events.retention") Duration retention,
            @ConfigProperty(name = "a4p.events.purge-interval") Duration interval) {
        this.events = events;
        this.retention = retention;
        this.interval = interval;
    }

    void start(@Observes StartupEvent started) {
        timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("event-retention"));
        timer.scheduleWithFixedDelay(
                this::purge, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Purges everything past retention now; answers how many events went. */
    public int purge() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(retention);
        int total = 0;
        try {
            int gone;
            do {
                gone = QuarkusTransaction.requiringNew().call(() -> events.purge(cutoff, BATCH));
                total += gone;
            } while (gone == BATCH);
        } catch (RuntimeException e) {
            LOG.warnf("Event retention could not run now: %s", e.getMessage());
        }
        return total;
    }
}
