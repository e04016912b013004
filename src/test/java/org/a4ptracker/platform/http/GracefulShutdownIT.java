package org.a4ptracker.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.a4ptracker.support.DevTokens;
import org.a4ptracker.support.PackagedApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM under a steady load of concurrent writes, against the packaged application run as a
 * separate process on a real PostgreSQL ({@link PackagedApp}).
 *
 * <p>Every write either completed with its whole answer (and a 201 is really stored), or was
 * refused before it started: a 503 problem with Retry-After (and nothing stored), or a refused
 * connection. Nothing is cut: no partial answer, no connection dropped mid-request, no write stored
 * without its answer. Readiness is DOWN while writes are still served, and the process ends within
 * its delay plus its drain timeout. Requests upload their bodies slowly, so that some are always in
 * flight when the service stops taking new ones.
 */
class GracefulShutdownIT {

    private static final int WRITERS = 6;

    /**
     * quarkus.shutdown.delay + quarkus.shutdown.timeout of the packaged configuration, plus a
     * margin.
     */
    private static final Duration EXIT_BOUND = Duration.ofSeconds(2 + 10 + 8);

    private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3})");

    private PackagedApp service;
    private Process app;

    enum Kind {
        ANSWERED,
        REFUSED,
        NO_ANSWER,
        PARTIAL
    }

    record Outcome(
            String code,
            Kind kind,
            int status,
            String headers,
            String body,
            long startNanos,
            long endNanos) {}

    @AfterEach
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void sigtermUnderConcurrentWritesCutsNothing() throws Exception {
        service = PackagedApp.start("graceful-shutdown-it", Map.of());
        app = service.process();
        int port = service.port();

        String token = DevTokens.mint("shutdown-it", List.of("editor"), List.of("*"), 600);
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            Thread writer = new Thread(() -> write(port, token, outcomes, stop), "writer-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }

        // A steady load first (the first requests of a fresh JVM are slow), then SIGTERM mid-load.
        long warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (answered201(outcomes) < 4 * WRITERS && System.nanoTime() < warm) {
            Thread.sleep(50);
        }
        Thread.sleep(300);
        long sigterm = System.nanoTime();
        app.toHandle().destroy(); // SIGTERM on Linux
        long readinessDown = awaitReadinessDown(sigterm);
        boolean exited = app.waitFor(EXIT_BOUND.toSeconds(), TimeUnit.SECONDS);
        long exit = System.nanoTime();
        // Writers stop once they have seen the service refuse connections; bounded in any case.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        for (Thread writer : writers) {
            writer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        stop.set(true);
        for (Thread writer : writers) {
            writer.join(5_000);
        }

        assertTrue(exited, "the service did not exit within " + EXIT_BOUND + " of SIGTERM");
        List<Outcome> all;
        synchronized (outcomes) {
            all = new ArrayList<>(outcomes);
        }
        report(all, sigterm, readinessDown, exit);

        List<String> problems = new ArrayList<>();
        try (Connection connection = service.database().connect()) {
            for (Outcome o : all) {
                boolean stored = stored(connection, o.code());
                switch (o.kind()) {
                    case ANSWERED -> {
                        if (o.status() == 201) {
                            if (!stored) problems.add(o.code() + ": 201 but not stored");
                            if (!o.body().contains("\"code\":\"" + o.code() + "\""))
                                problems.add(o.code() + ": 201 without its body");
                        } else if (o.status() == 503) {
                            if (stored) problems.add(o.code() + ": 503 but stored");
                            if (!o.body().contains("/problems/service-unavailable")
                                    || !o.headers()
                                            .toLowerCase(Locale.ROOT)
                                            .contains("retry-after:")
                                    || !o.headers()
                                            .toLowerCase(Locale.ROOT)
                                            .contains("content-type: application/problem+json")) {
                                problems.add(
                                        o.code()
                                                + ": 503 that is not a service-unavailable problem with Retry-After");
                            }
                        } else {
                            problems.add(o.code() + ": answered " + o.status() + " " + o.body());
                        }
                    }
                    case REFUSED -> {
                        if (stored) problems.add(o.code() + ": connection refused but stored");
                    }
                    // The kernel completes a TCP handshake for the listen queue: a connection made
                    // in
                    // the instant the server closes is reset before the service read anything. Not
                    // a
                    // cut as long as nothing was stored and no byte of an answer was sent.
                    case NO_ANSWER -> {
                        if (stored)
                            problems.add(
                                    o.code()
                                            + ": stored, but the connection closed without an answer");
                    }
                    case PARTIAL ->
                            problems.add(
                                    o.code()
                                            + ": cut mid-answer ("
                                            + (stored ? "stored" : "not stored")
                                            + ")");
                }
            }
        }
        assertEquals(List.of(), problems, "requests cut or answered wrongly");

        long created =
                all.stream().filter(o -> o.kind() == Kind.ANSWERED && o.status() == 201).count();
        long createdAfterSigterm =
                all.stream()
                        .filter(
                                o ->
                                        o.kind() == Kind.ANSWERED
                                                && o.status() == 201
                                                && o.startNanos() > sigterm)
                        .count();
        long createdAfterDown =
                all.stream()
                        .filter(
                                o ->
                                        o.kind() == Kind.ANSWERED
                                                && o.status() == 201
                                                && o.startNanos() > readinessDown)
                        .count();
        long refused = all.stream().filter(o -> o.kind() == Kind.REFUSED).count();
        long resetBeforeStart = all.stream().filter(o -> o.kind() == Kind.NO_ANSWER).count();
        long lastAnsweredStart =
                all.stream()
                        .filter(o -> o.kind() == Kind.ANSWERED)
                        .mapToLong(Outcome::startNanos)
                        .max()
                        .orElse(0);
        assertTrue(
                all.stream()
                        .filter(o -> o.kind() == Kind.NO_ANSWER)
                        .allMatch(o -> o.startNanos() >= lastAnsweredStart),
                "a connection was reset without an answer while the service still answered others");
        assertTrue(created > WRITERS, "too few writes before SIGTERM to mean anything: " + created);
        assertTrue(readinessDown > 0, "readiness never answered DOWN after SIGTERM");
        assertTrue(
                createdAfterDown > 0,
                "readiness DOWN must come first, while writes are still served");
        assertTrue(createdAfterSigterm > 0, "no write was served after SIGTERM");
        assertTrue(refused > 0, "the writers never saw the stopped service refuse connections");
    }

    private static long answered201(List<Outcome> outcomes) {
        synchronized (outcomes) {
            return outcomes.stream()
                    .filter(o -> o.kind() == Kind.ANSWERED && o.status() == 201)
                    .count();
        }
    }

    /**
     * One writer: POSTs indicators with unique codes, each on a new connection, until the service
     * refuses connections.
     */
    private static void write(int port, String token, List<Outcome> outcomes, AtomicBoolean stop) {
        int refusedInARow = 0;
        while (!stop.get() && refusedInARow < 3) {
            String code =
                    ("SIG-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
                            .toUpperCase(Locale.ROOT);
            Outcome outcome = post(port, token, code);
            outcomes.add(outcome);
            refusedInARow = outcome.kind() == Kind.REFUSED ? refusedInARow + 1 : 0;
            try {
                if (outcome.kind() == Kind.REFUSED) {
                    Thread.sleep(200);
                } else if (outcome.status() == 503) {
                    Thread.sleep(
                            retryAfterMillis(outcome.headers())); // as a well-behaved client would
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static long retryAfterMillis(String headers) {
        Matcher m = Pattern.compile("(?im)^retry-after: *(\\d+)").matcher(headers);
        return m.find() ? Math.min(5_000, Long.parseLong(m.group(1)) * 1_000) : 1_000;
    }

    /**
     * A raw HTTP/1.1 POST whose body is sent in two halves 150 ms apart; the whole answer is read.
     */
    private static Outcome post(int port, String token, String code) {
        String body =
                "{\"code\":\""
                        + code
                        + "\",\"name\":{\"en\":\"Shutdown test "
                        + code
                        + "\",\"fr\":\"Test d'arret "
                        + code
                        + "\"},\"unit\":\"percent\",\"baseline\":42,\"target\":100,\"direction\":\"higher_is_better\","
                        + "\"data_source\":\"Shutdown test\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head =
                "POST /priorities/P5/indicators HTTP/1.1\r\nHost: localhost:"
                        + port
                        + "\r\n"
                        + "Authorization: Bearer "
                        + token
                        + "\r\nContent-Type: application/json\r\n"
                        + "Accept: application/json, application/problem+json\r\nConnection: close\r\n"
                        + "Content-Length: "
                        + bytes.length
                        + "\r\n\r\n";
        long start = System.nanoTime();
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
        } catch (ConnectException e) {
            closeQuietly(socket);
            return new Outcome(code, Kind.REFUSED, 0, "", "", start, System.nanoTime());
        } catch (IOException e) {
            closeQuietly(socket);
            return new Outcome(code, Kind.REFUSED, 0, "", e.toString(), start, System.nanoTime());
        }
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (socket) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
            Thread.sleep(150);
            out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                received.write(buffer, 0, read);
                Outcome complete = parse(code, received.toByteArray(), start);
                if (complete != null) {
                    return complete;
                }
            }
        } catch (IOException | InterruptedException e) {
            // classified below by what had arrived
        }
        long end = System.nanoTime();
        Outcome complete = parse(code, received.toByteArray(), start);
        if (complete != null) {
            return complete;
        }
        return new Outcome(
                code,
                received.size() == 0 ? Kind.NO_ANSWER : Kind.PARTIAL,
                0,
                "",
                received.toString(StandardCharsets.UTF_8),
                start,
                end);
    }

    /** The answer once its headers and its Content-Length of body have arrived, else null. */
    private static Outcome parse(String code, byte[] data, long start) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return null;
        }
        String headers = text.substring(0, end);
        Matcher status = STATUS.matcher(headers);
        Matcher length = Pattern.compile("(?im)^content-length: *(\\d+)").matcher(headers);
        if (!status.find() || !length.find()) {
            return null;
        }
        int bodyLength = Integer.parseInt(length.group(1));
        if (data.length - (end + 4) < bodyLength) {
            return null;
        }
        String body = new String(data, end + 4, bodyLength, StandardCharsets.UTF_8);
        return new Outcome(
                code,
                Kind.ANSWERED,
                Integer.parseInt(status.group(1)),
                headers,
                body,
                start,
                System.nanoTime());
    }

    private long awaitReadinessDown(long since) throws InterruptedException {
        long deadline = since + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            int status = service.status("/q/health/ready");
            if (status == 503) {
                System.out.printf(
                        "[shutdown] readiness DOWN %d ms after SIGTERM%n",
                        (System.nanoTime() - since) / 1_000_000);
                return System.nanoTime();
            }
            Thread.sleep(20);
        }
        return 0;
    }

    private static void report(List<Outcome> all, long sigterm, long readinessDown, long exit) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (Outcome o : all) {
            String key =
                    (o.startNanos() > sigterm ? "after SIGTERM " : "before SIGTERM ")
                            + (o.kind() == Kind.ANSWERED
                                    ? String.valueOf(o.status())
                                    : o.kind().toString());
            counts.merge(key, 1L, Long::sum);
        }
        long spanning =
                all.stream()
                        .filter(
                                o ->
                                        o.kind() == Kind.ANSWERED
                                                && o.status() == 201
                                                && o.startNanos()
                                                        < sigterm + TimeUnit.SECONDS.toNanos(2)
                                                && o.endNanos()
                                                        > sigterm + TimeUnit.SECONDS.toNanos(2))
                        .count();
        System.out.printf(
                "[shutdown] %d requests: %s; readiness DOWN %d ms after SIGTERM; exit %d ms after SIGTERM; "
                        + "201s in flight at the end of the delay: %d%n",
                all.size(),
                counts,
                readinessDown == 0 ? -1 : (readinessDown - sigterm) / 1_000_000,
                (exit - sigterm) / 1_000_000,
                spanning);
    }

    private static boolean stored(Connection connection, String code) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT count(*) FROM indicator WHERE code = ?")) {
            query.setString(1, code);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
