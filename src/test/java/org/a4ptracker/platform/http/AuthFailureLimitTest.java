package org.a4ptracker.platform.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.a4ptracker.support.Api;
import org.a4ptracker.support.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * A flood of bad tokens from one address is cut off with 429 before each costs a signature check,
 * while other addresses are untouched. Sent from a loopback address of its own, so that the block
 * does not reach the rest of the suite.
 */
@QuarkusTest
class AuthFailureLimitTest {

    @Test
    void moreThan50FailedAuthenticationsIn10SecondsFromOneAddressAre429UntilTheWindowEnds() {
        String from =
                "127.0."
                        + ThreadLocalRandom.current().nextInt(1, 250)
                        + "."
                        + ThreadLocalRandom.current().nextInt(2, 250);
        String good = Api.token(List.of("*"), "reader");
        String bad = good.substring(0, good.length() - 4) + "AAAA";
        for (int i = 0; i < 50; i++) {
            assertEquals(
                    401,
                    RawHttp.get(from, "/priorities", "Authorization: Bearer " + bad).status(),
                    "attempt " + i);
        }
        RawHttp.Answer cutOff = RawHttp.get(from, "/priorities", "Authorization: Bearer " + bad);
        assertEquals(429, cutOff.status(), cutOff.body());
        assertThat(cutOff.header("Content-Type"), startsWith(Api.PROBLEM_JSON));
        assertEquals("/problems/too-many-requests", JsonPath.from(cutOff.body()).getString("type"));
        int retryAfter = Integer.parseInt(cutOff.header("Retry-After"));
        assertThat(retryAfter, greaterThanOrEqualTo(1));
        assertThat(retryAfter, lessThanOrEqualTo(10));
        // the address is blocked, whatever it sends; another address is not
        assertEquals(
                429, RawHttp.get(from, "/priorities", "Authorization: Bearer " + good).status());
        assertEquals(
                200,
                RawHttp.get("127.0.0.1", "/priorities", "Authorization: Bearer " + good).status());
    }

    @Test
    void requestsWithoutATokenAreNotCountedAsFailedAuthentications() {
        String from =
                "127.0."
                        + ThreadLocalRandom.current().nextInt(1, 250)
                        + "."
                        + ThreadLocalRandom.current().nextInt(2, 250);
        for (int i = 0; i < 60; i++) {
            assertEquals(401, RawHttp.get(from, "/priorities").status(), "attempt " + i);
        }
        assertEquals(
                200,
                RawHttp.get(
                                from,
                                "/priorities",
                                "Authorization: Bearer " + Api.token(List.of("*"), "reader"))
                        .status());
    }
}
