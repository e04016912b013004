package org.a4ptracker.platform.http;

import static org.a4ptracker.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.a4ptracker.support.Api;
import org.a4ptracker.support.InMemorySpans;
import org.a4ptracker.support.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * Every request is a trace: a server span (continuing the caller's {@code traceparent}), a span per
 * SQL statement under it, and the trace id in the problem body, so that a user's error report leads
 * to the request's spans and log lines.
 */
@QuarkusTest
@TestProfile(InMemorySpans.Profile.class)
class TracingTest {

    private static final String TRACE_ID = "[0-9a-f]{32}";

    @Inject InMemorySpanExporter spans;

    @Test
    void aProblemNamesTheTraceOfItsServerSpan() throws InterruptedException {
        Response answer = Api.as("reader").get("/missions/NOSUCH");
        assertProblem(answer, 404, "/problems/not-found");
        String traceId = answer.path("trace_id");
        assertTrue(traceId.matches(TRACE_ID), traceId);

        SpanData server =
                InMemorySpans.await(
                        spans,
                        s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(traceId));
        assertEquals("GET /missions/{acronym}", server.getName());
        assertEquals(
                404L,
                server.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
    }

    @Test
    void aCallersTraceparentIsContinued() throws InterruptedException {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String parentId = traceId.substring(0, 16);
        Response answer =
                Api.as("reader")
                        .header("traceparent", "00-" + traceId + "-" + parentId + "-01")
                        .get("/missions/NOSUCH");
        assertProblem(answer, 404, "/problems/not-found");
        assertEquals(traceId, answer.path("trace_id"));

        SpanData server =
                InMemorySpans.await(
                        spans,
                        s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(traceId));
        assertEquals(parentId, server.getParentSpanId());
    }

    @Test
    void everyStatementIsASpanOfItsRequest() throws InterruptedException {
        Response answer =
                Api.as("conduct_officer").get("/accountability-cases/" + UUID.randomUUID());
        assertProblem(answer, 404, "/problems/not-found");
        String traceId = answer.path("trace_id");

        SpanData server =
                InMemorySpans.await(
                        spans,
                        s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(traceId));
        SpanData statement =
                InMemorySpans.await(
                        spans,
                        s -> s.getKind() == SpanKind.CLIENT && s.getTraceId().equals(traceId));
        assertEquals(
                "postgresql", statement.getAttributes().get(AttributeKey.stringKey("db.system")));
        assertTrue(
                statement.getStartEpochNanos() >= server.getStartEpochNanos()
                        && statement.getEndEpochNanos() <= server.getEndEpochNanos(),
                "the statement runs within the request");
    }

    @Test
    void problemsAnsweredBeforeTheResourcesNameTheTraceToo() throws InterruptedException {
        RawHttp.Answer answer = RawHttp.get("127.0.0.1", "/missions/" + "X".repeat(9000));
        assertEquals(414, answer.status());
        Matcher traceId =
                Pattern.compile("\"trace_id\":\"(" + TRACE_ID + ")\"").matcher(answer.body());
        assertTrue(traceId.find(), answer.body());
        InMemorySpans.await(
                spans,
                s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(traceId.group(1)));
    }
}
