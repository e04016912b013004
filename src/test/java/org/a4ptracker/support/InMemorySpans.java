package org.a4ptracker.support;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The spans the service finishes, kept in memory for a test to read. Only for tests run with {@link
 * Profile}: anywhere else the spans of the whole suite would pile up here.
 */
@Alternative
@ApplicationScoped
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }

    /** The first finished span that matches, waiting up to 10 s for the batch to be exported. */
    public static SpanData await(InMemorySpanExporter spans, Predicate<SpanData> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            List<SpanData> finished = spans.getFinishedSpanItems();
            for (SpanData span : finished) {
                if (wanted.test(span)) {
                    return span;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no such span among " + finished);
            }
            Thread.sleep(20);
        }
    }

    /** The service with its spans exported to an {@link InMemorySpanExporter}. */
    public static class Profile implements QuarkusTestProfile {

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(InMemorySpans.class);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.bsp.schedule.delay", "20ms");
        }
    }
}
