package org.a4ptracker.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.a4ptracker.support.DevTokens;
import org.a4ptracker.support.PackagedApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged application in the prod profile, as a platform would run it: its output is JSON
 * lines; every line logged for a request carries the request's trace id; the access log names
 * routes, never query strings or tokens; and with no OTLP endpoint configured nothing tries to
 * export spans (so nothing warns about a missing collector).
 */
class ProductionLogsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PackagedApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void jsonLinesWithTraceIdsAndNoQueryStrings() throws Exception {
        // Spans would be exported every 100 ms if an exporter were installed.
        app =
                PackagedApp.start(
                        "production-logs-it", Map.of("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms"));
        String token = DevTokens.mint("logs-it", List.of("reader"), List.of("*"), 600);
        String secret = "query-text-" + System.nanoTime();

        HttpResponse<String> list = get("/missions?status=active&q=" + secret, token, null);
        assertEquals(200, list.statusCode());
        HttpResponse<String> anonymous = get("/missions/NOSUCH?q=" + secret, null, null);
        assertEquals(401, anonymous.statusCode());
        String anonymousTrace = JSON.readTree(anonymous.body()).path("trace_id").asText();
        String callerTrace = "0af7651916cd43dd8448eb211c80319c";
        HttpResponse<String> continued =
                get("/missions/NOSUCH", token, "00-" + callerTrace + "-b7ad6b7169203331-01");
        assertEquals(404, continued.statusCode());
        assertEquals(callerTrace, JSON.readTree(continued.body()).path("trace_id").asText());

        List<JsonNode> access = awaitAccessLines(3);
        Thread.sleep(1_000);
        List<JsonNode> lines = lines();

        assertEquals(
                List.of(
                        "GET /missions 200",
                        "GET /missions/{acronym} 401",
                        "GET /missions/{acronym} 404"),
                access.stream()
                        .map(line -> line.path("message").asText().replaceFirst(" \\d+ ms.*", ""))
                        .toList());
        assertTrue(access.get(0).path("message").asText().endsWith("subject=logs-it"));
        assertEquals(anonymousTrace, access.get(1).path("mdc").path("traceId").asText());
        assertEquals(callerTrace, access.get(2).path("mdc").path("traceId").asText());
        assertTrue(access.get(0).path("mdc").path("traceId").asText().matches("[0-9a-f]{32}"));
        for (JsonNode line : lines) {
            String text = line.toString();
            assertFalse(text.contains(secret), "a query string in the log: " + text);
            assertFalse(text.contains(token), "a token in the log: " + text);
            assertFalse(
                    text.contains("4317") || text.contains("Failed to export"),
                    "spans exported without an endpoint: " + text);
        }
    }

    private HttpResponse<String> get(String path, String token, String traceparent)
            throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every line of the output, each a JSON object (anything else fails the test). */
    private List<JsonNode> lines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : app.logText().lines().filter(l -> !l.isBlank()).toList()) {
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
            assertTrue(node.isObject() && node.has("message") && node.has("level"), line);
            lines.add(node);
        }
        return lines;
    }

    /**
     * The access log lines, once there are as many as expected (each is written after its answer).
     */
    private List<JsonNode> awaitAccessLines(int count) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            List<JsonNode> access =
                    lines().stream()
                            .filter(
                                    line ->
                                            AccessLog.class
                                                    .getName()
                                                    .equals(line.path("loggerName").asText()))
                            .toList();
            if (access.size() >= count || System.nanoTime() > deadline) {
                return access;
            }
            Thread.sleep(50);
        }
    }
}
