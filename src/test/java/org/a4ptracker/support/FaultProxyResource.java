package org.a4ptracker.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import org.a4ptracker.dev.EmbeddedPostgresConfigSource;

/**
 * Puts a {@link FaultProxy} between the service and the database the tests use: the server of
 * {@code QUARKUS_DATASOURCE_JDBC_URL} (or the {@code quarkus.datasource.jdbc.url} system property)
 * when set, otherwise the embedded PostgreSQL this JVM runs.
 */
public class FaultProxyResource implements QuarkusTestResourceLifecycleManager {

    private static volatile FaultProxy proxy;

    /** The proxy of the running test profile. */
    public static FaultProxy proxy() {
        if (proxy == null) {
            throw new IllegalStateException(
                    "No fault proxy: the test must use a profile with FaultProxyResource");
        }
        return proxy;
    }

    /** The JDBC URL of the real database. */
    public static String databaseUrl() {
        String url = System.getProperty("quarkus.datasource.jdbc.url");
        if (url == null || url.isBlank()) {
            url = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        }
        if (url == null || url.isBlank()) {
            url = new EmbeddedPostgresConfigSource().getValue("quarkus.datasource.jdbc.url");
        }
        return url;
    }

    @Override
    public Map<String, String> start() {
        String url = databaseUrl();
        URI address = URI.create(url.substring("jdbc:".length()));
        try {
            proxy =
                    new FaultProxy(
                            address.getHost(), address.getPort() < 0 ? 5432 : address.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.datasource.jdbc.url", proxy.proxiedUrl(url));
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
            proxy = null;
        }
    }
}
