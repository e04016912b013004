package org.a4ptracker.platform.http;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

/**
 * Request durations as a histogram per route template, method and status ({@code
 * http_server_requests_seconds_bucket{uri="/missions/{acronym}",status="200",le="0.05"}}), so that
 * percentiles and SLOs can be computed across replicas. Fixed buckets from 5 ms to 10 s keep the
 * series few (a full percentile histogram would add some seventy per route and status).
 */
public class HttpMetrics {

    private static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    /** Upper bounds of the buckets (a timer's are in nanoseconds). */
    private static final double[] BUCKETS_NANOS =
            LongStream.of(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000)
                    .mapToDouble(TimeUnit.MILLISECONDS::toNanos)
                    .toArray();

    @Produces
    @Singleton
    MeterFilter requestDurationBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(
                    Meter.Id id, DistributionStatisticConfig config) {
                if (!HTTP_SERVER_REQUESTS.equals(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(BUCKETS_NANOS)
                        .build()
                        .merge(config);
            }
        };
    }
}
