package org.a4ptracker.platform.persistence;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * With {@code a4p.demo-data=true} (the default in dev mode), loads {@code db/demo/demo-data.sql}
 * after Flyway has migrated: a few records of every kind with the fixed ids that openapi.yaml's
 * examples name, and a generated population (some 400 cases across missions, years, categories and
 * statuses, more partnerships with commitments and violations) to explore. The script only inserts
 * what is missing (ON CONFLICT DO NOTHING), in one transaction, so it is harmless on a database in
 * use and leaves no trace in Flyway's history.
 */
@jakarta.inject.Singleton
public class DemoData {

    static final String SCRIPT = "db/demo/demo-data.sql";
    private static final Logger LOG = Logger.getLogger(DemoData.class);

    void load(
            @Observes StartupEvent start,
            @ConfigProperty(name = "a4p.demo-data", defaultValue = "false") boolean enabled,
            DataSource dataSource) {
        if (!enabled) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(script());
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Demo data could not be loaded (SQL state " + e.getSQLState() + ")", e);
        }
        LOG.info("Demo data loaded (records that already existed were left as they were)");
    }

    static String script() {
        try (InputStream in =
                Thread.currentThread().getContextClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
