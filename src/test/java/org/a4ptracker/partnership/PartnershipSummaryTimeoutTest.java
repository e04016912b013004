package org.a4ptracker.partnership;

import static org.a4ptracker.partnership.PartnershipFixtures.createPartnership;
import static org.a4ptracker.support.Api.as;
import static org.a4ptracker.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.a4ptracker.support.Fixtures;
import org.a4ptracker.support.TableLock;
import org.a4ptracker.support.ThroughFaultProxy;
import org.junit.jupiter.api.Test;

/**
 * The partnership summary's judicial pipeline is a statistics query: past its statement timeout
 * (500 ms in this profile; here kept waiting by a lock on the cases) it answers 503 with
 * Retry-After, and 200 again once the lock is gone.
 */
@QuarkusTest
@TestProfile(ThroughFaultProxy.class)
class PartnershipSummaryTimeoutTest {

    @Inject AgroalDataSource dataSource;

    @Test
    void aSummaryPastItsStatementTimeoutAnswers503() throws Exception {
        String path = createPartnership(Fixtures.createMission("2014-04-10"));
        as("reader")
                .get(path + "/summary")
                .then()
                .statusCode(200)
                .body("judicial_pipeline.cases", equalTo(0));

        long millis;
        Response response;
        try (TableLock lock = new TableLock(dataSource, "accountability_case")) {
            long start = System.nanoTime();
            response = as("reader").get(path + "/summary");
            millis = (System.nanoTime() - start) / 1_000_000;
        }
        assertProblem(response, 503, "/problems/service-unavailable")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
        assertTrue(
                millis >= ThroughFaultProxy.STATISTICS_TIMEOUT_MS && millis < 3_000,
                "the 503 came after "
                        + millis
                        + " ms; the statement timeout is "
                        + ThroughFaultProxy.STATISTICS_TIMEOUT_MS
                        + " ms");

        as("reader")
                .get(path + "/summary")
                .then()
                .statusCode(200)
                .body("judicial_pipeline.cases", equalTo(0));
    }
}
