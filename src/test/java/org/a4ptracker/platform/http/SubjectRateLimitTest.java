package org.a4ptracker.platform.http;

import static org.a4ptracker.support.Problems.assertProblem;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.a4ptracker.support.Api;
import org.a4ptracker.support.DevTokens;
import org.a4ptracker.support.Fixtures;
import org.junit.jupiter.api.Test;

/** With a per-subject limit switched on, one subject's excess is a 429; other subjects go on. */
@QuarkusTest
@TestProfile(SubjectRateLimitTest.FivePerWindow.class)
class SubjectRateLimitTest {

    public static class FivePerWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "a4p.rate-limit.subject.max", "5", "a4p.rate-limit.subject.window", "PT30S");
        }
    }

    private static Response get(String subject) {
        return get(subject, "/priorities");
    }

    private static Response get(String subject, String path) {
        return Api.anonymous()
                .auth()
                .oauth2(DevTokens.mint(subject, List.of("reader"), List.of("*"), 600))
                .get(path);
    }

    @Test
    void aSubjectOverItsAllowanceGets429WithRetryAfter() {
        String busy = "busy-" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            get(busy).then().statusCode(200);
        }
        assertProblem(get(busy), 429, "/problems/too-many-requests")
                .header("Retry-After", matchesPattern("[1-9][0-9]?"));
        get("calm-" + System.nanoTime()).then().statusCode(200);
    }

    /**
     * A mission held in memory is answered before the hand-over to a worker thread: still counted.
     */
    @Test
    void readsAnsweredFromMemoryAreCountedToo() {
        String mission = "/missions/" + Fixtures.createMission("2020-01-01");
        String busy = "busy-" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            get(busy, mission).then().statusCode(200);
        }
        assertProblem(get(busy, mission), 429, "/problems/too-many-requests");
    }
}
