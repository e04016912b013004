package org.a4ptracker.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged application (target/quarkus-app/quarkus-run.jar, prod profile) run as a separate
 * process for an *IT test, on a real PostgreSQL: the server of QUARKUS_DATASOURCE_JDBC_URL (in a
 * database of its own when it may create one, dropped at the end), or an embedded one started here.
 * It trusts the development key, so {@link DevTokens} work; its output goes to a log file.
 */
public final class PackagedApp implements AutoCloseable {

    public record Database(String url, String user, String password) {

        public Connection connect() throws SQLException {
            Properties properties = new Properties();
            if (!user.isEmpty()) {
                properties.setProperty("user", user);
            }
            properties.setProperty("password", password);
            return DriverManager.getConnection(url, properties);
        }
    }

    private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3})");

    private EmbeddedPostgres embedded;

    /**
     * A database created on the configured server, and the server's own, to drop it from; or null.
     */
    private Database created;

    private Database server;

    private Database database;
    private int port;
    private Path log;
    private Process process;

    private PackagedApp() {}

    /**
     * Starts the application with these extra environment variables and waits until it is ready.
     */
    public static PackagedApp start(String name, Map<String, String> env) throws Exception {
        PackagedApp app = new PackagedApp();
        try {
            app.database = app.database(name);
            app.port = freePort();
            app.log = Path.of("target", name + ".log");
            app.process = app.launch(env);
            app.awaitReady();
            return app;
        } catch (Exception | Error e) {
            app.close();
            throw e;
        }
    }

    public Database database() {
        return database;
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    public String logText() throws IOException {
        return Files.readString(log);
    }

    /** The status of a GET (HTTP/1.1, one connection), or -1 when no answer came within 3 s. */
    public int status(String path) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            socket.setSoTimeout(3_000);
            socket.getOutputStream()
                    .write(
                            ("GET "
                                            + path
                                            + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
            byte[] head = socket.getInputStream().readNBytes(12);
            Matcher status = STATUS.matcher(new String(head, StandardCharsets.ISO_8859_1));
            return status.find() ? Integer.parseInt(status.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (embedded != null) {
            embedded.close();
        }
        if (created != null) {
            String name = created.url().replaceFirst("^jdbc:postgresql://[^/]+/([^?]*).*$", "$1");
            try (Connection connection = server.connect();
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name);
            }
        }
    }

    private Database database(String name) throws Exception {
        String url = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        if (url == null || url.isBlank()) {
            embedded = EmbeddedPostgres.builder().start();
            return new Database(
                    "jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres",
                    "postgres",
                    "");
        }
        String user = System.getenv().getOrDefault("QUARKUS_DATASOURCE_USERNAME", "");
        String password = System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", "");
        Database given = new Database(url, user, password);
        String own =
                "a4p_"
                        + name.replaceAll("[^a-z0-9]", "_")
                        + "_"
                        + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = given.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + own);
        } catch (SQLException e) {
            System.out.println(
                    "["
                            + name
                            + "] cannot create a database of its own ("
                            + e.getSQLState()
                            + "): using "
                            + url);
            return given;
        }
        server = given;
        created =
                new Database(
                        url.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + own),
                        user,
                        password);
        return created;
    }

    private Process launch(Map<String, String> extra) throws IOException {
        Path jar = Path.of(System.getProperty("a4p.it.jar", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the application first: " + jar + " is missing");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder =
                new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.url());
        env.put(
                "QUARKUS_DATASOURCE_USERNAME",
                database.user().isEmpty() ? "postgres" : database.user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
        env.put("MP_JWT_VERIFY_PUBLICKEY", devPublicKey());
        env.putAll(extra);
        return builder.start();
    }

    /**
     * The development public key that the test profile trusts (its private half signs DevTokens).
     */
    private static String devPublicKey() throws IOException {
        for (String line :
                Files.readAllLines(Path.of("src/main/resources/application.properties"))) {
            if (line.startsWith("%test.mp.jwt.verify.publickey=")) {
                return line.substring(line.indexOf('=') + 1).trim();
            }
        }
        throw new IllegalStateException(
                "no %test.mp.jwt.verify.publickey in application.properties");
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited at start-up:\n" + logText());
            }
            if (status("/q/health/ready") == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service was not ready within 120 s:\n" + logText());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
