package org.a4ptracker.platform.persistence;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Lets a migration run longer than a request may. Every connection reads with pgjdbc's {@code
 * socketTimeout} (2 s), so that a hung database answers 503 quickly; but a migration that builds an
 * index on a million cases takes longer than that, and would fail the start-up of the new version
 * in the middle of a rolling deploy. Each migration's connection gets {@code
 * a4p.migrations.network-timeout} instead, and its own timeout back afterwards.
 */
@Singleton
public class MigrationTimeout implements FlywayConfigurationCustomizer {

    private final int timeoutMillis;

    MigrationTimeout(
            @ConfigProperty(name = "a4p.migrations.network-timeout") Duration networkTimeout) {
        this.timeoutMillis = Math.toIntExact(networkTimeout.toMillis());
    }

    @Override
    public void customize(org.flywaydb.core.api.configuration.FluentConfiguration configuration) {
        configuration.callbacks(new Widening(timeoutMillis));
    }

    /** Widens the migration connection's read timeout for each migration, then restores it. */
    private static final class Widening implements Callback {
        private final int timeoutMillis;
        private int previousMillis = -1;

        Widening(int timeoutMillis) {
            this.timeoutMillis = timeoutMillis;
        }

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_EACH_MIGRATE
                    || event == Event.AFTER_EACH_MIGRATE
                    || event == Event.AFTER_EACH_MIGRATE_ERROR;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            Connection connection = context.getConnection();
            try {
                if (event == Event.BEFORE_EACH_MIGRATE) {
                    previousMillis = connection.getNetworkTimeout();
                    connection.setNetworkTimeout(Runnable::run, timeoutMillis);
                } else if (previousMillis >= 0) {
                    connection.setNetworkTimeout(Runnable::run, previousMillis);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot set the migration's network timeout", e);
            }
        }

        @Override
        public String getCallbackName() {
            return "a4p-migration-timeout";
        }
    }
}
