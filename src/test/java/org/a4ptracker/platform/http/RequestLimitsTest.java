package org.a4ptracker.platform.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.a4ptracker.support.Api;
import org.a4ptracker.support.Problems;
import org.a4ptracker.support.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * Requests over the size limits get problem+json from the service, not a bare line from the HTTP
 * codec.
 */
@QuarkusTest
class RequestLimitsTest {

    private static final String FROM = "127.0.0.1";
    private static final String TOKEN = "Authorization: Bearer " + Api.token(List.of("*"), "admin");

    private static void assertProblem(RawHttp.Answer answer, int status, String type) {
        assertEquals(status, answer.status(), answer.body());
        assertThat(answer.header("Content-Type"), startsWith(Api.PROBLEM_JSON));
        JsonPath body = JsonPath.from(answer.body());
        assertEquals(status, body.getInt("status"));
        assertEquals(type, body.getString("type"));
        Problems.assertNoLeak(answer.body());
    }

    @Test
    void aRequestLineOver8KiBIs414() {
        assertProblem(
                RawHttp.get(FROM, "/missions?q=" + "a".repeat(9_000), TOKEN),
                414,
                "/problems/uri-too-long");
        assertEquals(200, RawHttp.get(FROM, "/missions?q=" + "a".repeat(100), TOKEN).status());
    }

    @Test
    void aHeaderOver8KiBOrHeadersOver20KiBAre431() {
        assertProblem(
                RawHttp.get(FROM, "/priorities", TOKEN, "X-Big: " + "b".repeat(9_000)),
                431,
                "/problems/request-header-fields-too-large");
        String sevenKiB = "c".repeat(7_000);
        assertProblem(
                RawHttp.get(
                        FROM,
                        "/priorities",
                        TOKEN,
                        "X-One: " + sevenKiB,
                        "X-Two: " + sevenKiB,
                        "X-Three: " + sevenKiB),
                431,
                "/problems/request-header-fields-too-large");
        assertEquals(200, RawHttp.get(FROM, "/priorities", TOKEN, "X-One: " + sevenKiB).status());
    }

    @Test
    void aHugeRequestLineOrHeaderBeyondTheCodecIsStillRefused() {
        // Past the codec's own limits (64 KiB line, 128 KiB headers) the connection is refused by
        // Vert.x.
        assertEquals(414, RawHttp.get(FROM, "/missions?q=" + "a".repeat(70_000), TOKEN).status());
    }

    @Test
    void aBodyOver1MiBIs413WhetherDeclaredOrChunked() {
        byte[] big =
                ("{\"code\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertProblem(
                RawHttp.send(
                        FROM,
                        "POST /priorities/P5/indicators HTTP/1.1\r\n"
                                + TOKEN
                                + "\r\nContent-Type: application/json\r\nContent-Length: "
                                + big.length,
                        big),
                413,
                "/problems/payload-too-large");
        assertProblem(
                RawHttp.send(
                        FROM,
                        "POST /priorities/P5/indicators HTTP/1.1\r\n"
                                + TOKEN
                                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked",
                        chunked(big)),
                413,
                "/problems/payload-too-large");
    }

    private static byte[] chunked(byte[] body) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < body.length; i += 65_536) {
            int n = Math.min(65_536, body.length - i);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, i, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
