package org.a4ptracker.accountability;

import static org.a4ptracker.support.Api.asIn;
import static org.a4ptracker.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.a4ptracker.support.Cases;
import org.a4ptracker.support.Fixtures;
import org.a4ptracker.support.TableLock;
import org.a4ptracker.support.ThroughFaultProxy;
import org.junit.jupiter.api.Test;

/**
 * The case statistics run under a statement timeout (500 ms in this profile): a query kept waiting
 * past it (here by a lock another transaction holds on the cases) is cancelled by PostgreSQL and
 * the caller gets a 503 problem with Retry-After, soon after the limit, instead of waiting; the
 * same request answers 200 once the lock is gone.
 */
@QuarkusTest
@TestProfile(ThroughFaultProxy.class)
class StatisticsTimeoutTest {

    @Inject AgroalDataSource dataSource;

    @Test
    void statisticsPastTheirStatementTimeoutAnswer503() throws Exception {
        String mission = Fixtures.createMission("2016-01-01");
        Cases.create(Cases.crime(mission, "2021-03-15", Cases.pipeline(2, 1, 1, 0, 0, 0)));
        var caller = List.of(mission);
        asIn(caller, "conduct_officer")
                .queryParam("group_by", "mission")
                .get("/accountability-cases/statistics")
                .then()
                .statusCode(200)
                .body("groups[0].allegations", equalTo(1));

        long millis;
        Response response;
        try (TableLock lock = new TableLock(dataSource, "accountability_case")) {
            long start = System.nanoTime();
            response =
                    asIn(caller, "conduct_officer")
                            .queryParam("group_by", "mission")
                            .get("/accountability-cases/statistics");
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

        asIn(caller, "conduct_officer")
                .queryParam("group_by", "mission")
                .get("/accountability-cases/statistics")
                .then()
                .statusCode(200)
                .body("groups[0].allegations", equalTo(1));
    }
}
