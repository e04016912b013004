package org.a4ptracker.platform.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.a4ptracker.platform.DaemonThreads;
import org.a4ptracker.platform.http.DatabaseUnavailable;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the database, answered within a hard deadline. Quarkus's own datasource check
 * (disabled in application.properties) waits as long as the pool and the driver do, so a hung
 * database (accepting connections, never answering) kept {@code /q/health/ready} waiting for
 * seconds; here the probe runs on its own thread and the check answers DOWN when the probe has not
 * succeeded by the deadline. A probe still stuck on a hung database is reused, never stacked.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final String NAME = "Database connections health check";

    private final AgroalDataSource dataSource;
    private final Duration deadline;
    private final ExecutorService probes =
            Executors.newSingleThreadExecutor(DaemonThreads.named("database-readiness-probe"));
    private Future<Boolean> probe;

    DatabaseReadiness(
            AgroalDataSource dataSource,
            @ConfigProperty(name = "a4p.readiness.database-timeout", defaultValue = "PT1.5S")
                    Duration deadline) {
        this.dataSource = dataSource;
        this.deadline = deadline;
    }

    @Override
    public HealthCheckResponse call() {
        Future<Boolean> current;
        synchronized (this) {
            if (probe == null || probe.isDone()) {
                probe = probes.submit(this::probe);
            }
            current = probe;
        }
        try {
            if (Boolean.TRUE.equals(current.get(deadline.toMillis(), TimeUnit.MILLISECONDS))) {
                return HealthCheckResponse.up(NAME);
            }
            return down("the database did not validate a connection");
        } catch (TimeoutException e) {
            return down("no answer from the database within " + deadline.toMillis() + " ms");
        } catch (ExecutionException e) {
            return down("cannot reach the database");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        }
    }

    /**
     * Takes a connection from the pool and validates it (the pool's validator, bounded by
     * quarkus.datasource.jdbc.validation-query-timeout); the pool destroys one that fails. When the
     * database cannot be reached, the other idle connections are dropped as well, so that readiness
     * and requests recover with fresh connections as soon as the database is back.
     */
    private Boolean probe() throws Exception {
        try {
            boolean healthy = dataSource.isHealthy(false);
            if (!healthy) {
                DatabaseUnavailable.dropIdleConnections();
            }
            return healthy;
        } catch (Exception e) {
            DatabaseUnavailable.dropIdleConnections();
            throw e;
        }
    }

    private static HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named(NAME).down().withData("reason", reason).build();
    }

    @PreDestroy
    void stop() {
        probes.shutdownNow();
    }
}
