package org.a4ptracker.platform.http;

import static org.a4ptracker.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.a4ptracker.support.Api;
import org.a4ptracker.support.DevTokens;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One access log line per request: method, route template, status, duration and subject, under the
 * request's trace id; never a query string, a body or a token, in that line or any other.
 */
@QuarkusTest
class AccessLogTest {

    private static final String ACCESS_LOG = AccessLog.class.getName();

    /** Every record logged while a test runs, from any logger. */
    private final List<ExtLogRecord> records = new ArrayList<>();

    private final Handler capture =
            new Handler() {
                @Override
                public void publish(LogRecord record) {
                    ExtLogRecord ext = (ExtLogRecord) record;
                    ext.copyAll(); // the MDC of the thread that logged, not of the one that reads
                    synchronized (records) {
                        records.add(ext);
                    }
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };

    @BeforeEach
    void capture() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void release() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void aLineWithRouteStatusDurationSubjectAndTrace() throws InterruptedException {
        Response answer = Api.as("reader").get("/missions/NOSUCH");
        assertProblem(answer, 404, "/problems/not-found");
        String traceId = answer.path("trace_id");

        ExtLogRecord line = awaitAccessLine(traceId);
        assertTrue(
                Pattern.matches(
                        "GET /missions/\\{acronym} 404 \\d+ ms subject=test-reader",
                        line.getFormattedMessage()),
                line.getFormattedMessage());
    }

    @Test
    void anAnonymousCallAndAnUnknownPathToo() throws InterruptedException {
        Response answer = Api.invalid().get("/no/such/resource");
        assertProblem(answer, 404, "/problems/not-found");
        String traceId = answer.path("trace_id");

        assertEquals(
                "GET /no/such/resource 404",
                awaitAccessLine(traceId).getFormattedMessage().replaceFirst(" \\d+ ms.*", ""));
        assertTrue(awaitAccessLine(traceId).getFormattedMessage().endsWith("subject=-"));
    }

    @Test
    void noQueryStringBodyOrTokenInAnyLine() throws InterruptedException {
        String token = DevTokens.mint("log-test", List.of("editor"), List.of("*"), 600);
        String query = "query-text-" + System.nanoTime();
        String body = "body-text-" + System.nanoTime();

        Response list =
                Api.anonymous().auth().oauth2(token).queryParam("q", query).get("/missions");
        assertEquals(200, list.statusCode());
        Response created =
                Api.invalid()
                        .auth()
                        .oauth2(token)
                        .body("{\"code\":\"" + body + "\",\"unknown\":\"" + body + "\"}")
                        .post("/priorities/P5/indicators");
        assertProblem(created, 400, "/problems/validation-error");

        awaitAccessLine(created.path("trace_id"));
        assertEquals(
                "GET /missions 200",
                awaitAccessLine(null, "GET /missions ")
                        .getFormattedMessage()
                        .replaceFirst(" \\d+ ms.*", ""));
        synchronized (records) {
            for (ExtLogRecord record : records) {
                String text = record.getFormattedMessage() + " " + record.getMdcCopy();
                assertFalse(text.contains(query), "a query string in the log: " + text);
                assertFalse(text.contains(body), "a body in the log: " + text);
                assertFalse(text.contains(token), "a token in the log: " + text);
            }
        }
    }

    private ExtLogRecord awaitAccessLine(String traceId) throws InterruptedException {
        return awaitAccessLine(traceId, "");
    }

    /**
     * The access log line of the request with this trace id (any when null) that starts so. The
     * line is written once the answer is sent, so it may come just after the client has it.
     */
    private ExtLogRecord awaitAccessLine(String traceId, String start) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            synchronized (records) {
                for (ExtLogRecord record : records) {
                    if (ACCESS_LOG.equals(record.getLoggerName())
                            && (traceId == null || traceId.equals(record.getMdc("traceId")))
                            && record.getFormattedMessage().startsWith(start)) {
                        return record;
                    }
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no access log line for trace " + traceId + " in " + records);
    }
}
