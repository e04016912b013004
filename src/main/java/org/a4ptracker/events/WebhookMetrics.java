package org.a4ptracker.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.function.ToDoubleFunction;

/**
 * The webhook backlog as gauges: {@code a4p_webhook_open_deliveries}, {@code
 * a4p_webhook_failing_subscriptions} and {@code a4p_webhook_oldest_open_delivery_age_seconds} (of
 * active subscriptions). Read from the database when scraped, one query for the three, at most once
 * per {@link #FRESH_MILLIS}; NaN while the database does not answer.
 */
@ApplicationScoped
public class WebhookMetrics {

    static final long FRESH_MILLIS = 2_000;

    private final WebhookQueue queue;
    private WebhookQueue.Backlog last;
    private long readAt;

    WebhookMetrics(WebhookQueue queue) {
        this.queue = queue;
    }

    void register(@Observes StartupEvent started, MeterRegistry registry) {
        gauge(
                registry,
                "a4p.webhook.open.deliveries",
                "Deliveries pending or retrying",
                null,
                b -> b.open());
        gauge(
                registry,
                "a4p.webhook.failing.subscriptions",
                "Subscriptions that stopped after failing too long",
                null,
                b -> b.failing());
        gauge(
                registry,
                "a4p.webhook.oldest.open.delivery.age",
                "Age of the oldest open delivery of an active subscription",
                "seconds",
                WebhookQueue.Backlog::oldestDueSeconds);
    }

    private void gauge(
            MeterRegistry registry,
            String name,
            String description,
            String unit,
            ToDoubleFunction<WebhookQueue.Backlog> value) {
        Gauge.builder(
                        name,
                        this,
                        metrics -> {
                            WebhookQueue.Backlog backlog = metrics.backlog();
                            return backlog == null ? Double.NaN : value.applyAsDouble(backlog);
                        })
                .description(description)
                .baseUnit(unit)
                .register(registry);
    }

    private synchronized WebhookQueue.Backlog backlog() {
        long now = System.nanoTime();
        if (last == null || now - readAt > FRESH_MILLIS * 1_000_000L) {
            try {
                last = QuarkusTransaction.requiringNew().call(queue::backlog);
            } catch (RuntimeException e) {
                last = null;
            }
            readAt = now;
        }
        return last;
    }
}
