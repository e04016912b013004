package org.a4ptracker.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/**
 * A migration that runs longer than the connections' 2 s socketTimeout (a big index at a rolling
 * deploy) completes with {@link MigrationTimeout}, and fails without it.
 */
@QuarkusTest
class MigrationTimeoutTest {

    @Inject MigrationTimeout migrationTimeout;
    @Inject Flyway flyway;

    private FluentConfiguration slowMigration() {
        // A connection of its own with the service's 2 s socketTimeout, whatever the pool holds.
        Config config = ConfigProvider.getConfig();
        return Flyway.configure()
                .dataSource(
                        config.getValue("quarkus.datasource.jdbc.url", String.class)
                                + (config.getValue("quarkus.datasource.jdbc.url", String.class)
                                                .contains("?")
                                        ? "&"
                                        : "?")
                                + "socketTimeout=2",
                        config.getOptionalValue("quarkus.datasource.username", String.class)
                                .orElse(null),
                        config.getOptionalValue("quarkus.datasource.password", String.class)
                                .orElse(null))
                .locations("classpath:db/slow-migration")
                .schemas("slow_" + UUID.randomUUID().toString().replace("-", ""))
                .createSchemas(true);
    }

    @Test
    void aSlowMigrationCompletesWithTheWiderTimeout() {
        FluentConfiguration configuration = slowMigration();
        migrationTimeout.customize(configuration);
        assertEquals(1, configuration.load().migrate().migrationsExecuted);
    }

    @Test
    void theServicesOwnMigrationsUseIt() {
        assertTrue(
                Arrays.stream(flyway.getConfiguration().getCallbacks())
                        .anyMatch(c -> "a4p-migration-timeout".equals(c.getCallbackName())));
    }

    @Test
    void withoutItTheSameMigrationFailsOnTheSocketTimeout() {
        assertThrows(RuntimeException.class, () -> slowMigration().load().migrate());
    }
}
