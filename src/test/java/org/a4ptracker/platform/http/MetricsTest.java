package org.a4ptracker.platform.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.regex.Pattern;
import org.a4ptracker.support.Api;
import org.junit.jupiter.api.Test;

/**
 * What /q/metrics shows an operator: request durations as histograms per route template and status,
 * and the connection pool's use.
 */
@QuarkusTest
class MetricsTest {

    @Test
    void requestDurationsAreHistogramsPerRouteAndStatus() {
        assertEquals(404, Api.as("reader").get("/missions/NOSUCH").statusCode());
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        List<String> buckets =
                metrics.lines()
                        .filter(line -> line.startsWith("http_server_requests_seconds_bucket{"))
                        .filter(line -> line.contains("uri=\"/missions/{acronym}\""))
                        .filter(line -> line.contains("method=\"GET\""))
                        .filter(line -> line.contains("status=\"404\""))
                        .toList();
        for (String le : List.of("0.005", "0.05", "0.5", "10.0", "+Inf")) {
            assertTrue(
                    buckets.stream().anyMatch(line -> line.contains("le=\"" + le + "\"")),
                    "no bucket le=" + le + " in " + buckets);
        }
        assertTrue(buckets.size() <= 12, "a few buckets per route and status: " + buckets);
    }

    @Test
    void theConnectionPoolIsMeasured() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String gauge :
                List.of("agroal_active_count", "agroal_available_count", "agroal_awaiting_count")) {
            assertTrue(
                    Pattern.compile("(?m)^" + gauge + "\\{[^}]*datasource=\"default\"")
                            .matcher(metrics)
                            .find(),
                    "no " + gauge + " in /q/metrics");
        }
    }
}
