package org.a4ptracker.dev;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

/**
 * Supplies {@code quarkus.datasource.jdbc.url} when nothing else does, by starting an embedded
 * PostgreSQL (zonky) on a free port: the database of {@code quarkus:dev} and of the tests.
 *
 * <p>Dev scope only: this source folder (src/dev) is compiled for {@code quarkus:dev} and the
 * tests, and removed from the classes before the application is packaged (pom.xml, execution {@code
 * drop-dev-classes}); zonky is a {@code provided} dependency, never packaged either. The packaged
 * application therefore needs a configured database.
 *
 * <p>Its ordinal is below the environment, system properties and application.properties, so a
 * configured URL always wins and the embedded server is then never started.
 */
public class EmbeddedPostgresConfigSource implements ConfigSource {

    static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";

    /** Survives dev-mode restarts, which reload this class: one server per JVM. */
    private static final String STARTED_URL = "a4p.embedded-postgres.jdbc-url";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public String getValue(String propertyName) {
        if (!URL_PROPERTY.equals(propertyName)) {
            return null;
        }
        synchronized (EmbeddedPostgresConfigSource.class) {
            String url = System.getProperty(STARTED_URL);
            if (url == null) {
                url = start();
                System.setProperty(STARTED_URL, url);
            }
            return url;
        }
    }

    @Override
    public String getName() {
        return "embedded-postgresql";
    }

    @Override
    public int getOrdinal() {
        return 200;
    }

    private static String start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        try {
                                            postgres.close();
                                        } catch (Exception ignored) {
                                            // the JVM is going away; zonky also removes its data
                                            // directory on exit
                                        }
                                    },
                                    "embedded-postgres-stop"));
            Logger.getLogger(EmbeddedPostgresConfigSource.class)
                    .infof(
                            "No datasource configured: started embedded PostgreSQL on port %d",
                            postgres.getPort());
            return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres?user=postgres";
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL", e);
        }
    }
}
