package org.a4ptracker.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A real HTTP server on 127.0.0.1 (a host the test profile allows) that records every webhook it
 * receives and answers with the statuses it is told to, then 200.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    static {
        // Answer without Nagle's delay, as production web servers do: the JDK server's default
        // (a 40 ms stall per small answer on a kept-alive connection) would hide the worker's
        // speed.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final List<Received> received = new ArrayList<>();
    private final Deque<Integer> answers = new ArrayDeque<>();
    private int otherwise = 200;
    private volatile long delayMillis;

    public WebhookReceiver() {
        try {
            server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext(
                "/",
                exchange -> {
                    String body =
                            new String(
                                    exchange.getRequestBody().readAllBytes(),
                                    StandardCharsets.UTF_8);
                    sleep(delayMillis);
                    int status;
                    synchronized (this) {
                        received.add(
                                new Received(
                                        exchange.getRequestURI().getPath(),
                                        Map.copyOf(exchange.getRequestHeaders()),
                                        body));
                        status = answers.isEmpty() ? otherwise : answers.poll();
                        notifyAll();
                    }
                    if (status >= 300 && status < 400) {
                        exchange.getResponseHeaders().add("Location", url() + "/redirected");
                    }
                    byte[] answer =
                            ("{\"answered\":" + status + "}").getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(status, answer.length);
                    exchange.getResponseBody().write(answer);
                    exchange.close();
                });
        server.start();
    }

    /** Where to subscribe: {@code http://127.0.0.1:<port>/hook}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Answers these statuses to the next requests, in order, then {@link #otherwise}. */
    public synchronized WebhookReceiver answer(Integer... statuses) {
        answers.addAll(List.of(statuses));
        return this;
    }

    /** What to answer once the statuses given to {@link #answer} are used up. */
    public synchronized WebhookReceiver otherwise(int status) {
        otherwise = status;
        return this;
    }

    /** Takes this long before answering each request. */
    public WebhookReceiver delay(Duration delay) {
        delayMillis = delay.toMillis();
        return this;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /**
     * Waits until the requests received so far satisfy {@code done}; fails after {@code within}.
     */
    public synchronized List<Received> await(Predicate<List<Received>> done, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!done.test(received)) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                throw new AssertionError(
                        "The receiver did not get what was expected within "
                                + within
                                + "; it got "
                                + received.size()
                                + " requests: "
                                + received);
            }
            wait(left);
        }
        return List.copyOf(received);
    }

    /** Waits until at least {@code count} requests arrived. */
    public List<Received> awaitCount(int count, Duration within) throws InterruptedException {
        return await(r -> r.size() >= count, within);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
