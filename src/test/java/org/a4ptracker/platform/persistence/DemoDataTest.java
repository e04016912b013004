package org.a4ptracker.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.a4ptracker.support.Api;
import org.a4ptracker.support.DemoDataProfile;
import org.junit.jupiter.api.Test;

/**
 * The demo data as a new developer meets it in Swagger UI: a few hundred cases across missions,
 * years, kinds, categories and statuses, with victims and investigations, and partnerships with
 * commitments and violations; loading it again adds nothing, and the kept statistics agree with the
 * cases.
 */
@QuarkusTest
@TestProfile(DemoDataProfile.class)
class DemoDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject DataSource dataSource;

    @Test
    void statisticsShowCasesAcrossMissionsYearsAndStatuses() throws Exception {
        JsonNode byMission = statistics("mission");
        int allegations = 0;
        for (JsonNode group : byMission.path("groups")) {
            allegations += group.path("allegations").asInt();
        }
        assertTrue(allegations >= 400, "allegations: " + allegations);
        assertTrue(byMission.path("groups").size() >= 12, "missions: " + byMission);

        Set<String> years = values(statistics("year"), "year");
        for (int year = 2019; year <= 2025; year++) {
            assertTrue(years.contains(String.valueOf(year)), year + " in " + years);
        }
        assertTrue(values(statistics("status"), "status").size() >= 20);
        assertEquals(
                Set.of("misconduct", "crime_against_peacekeepers"),
                values(statistics("kind"), "kind"));
        JsonNode byCategory = statistics("category");
        assertTrue(values(byCategory, "category").containsAll(List.of("sea", "other_misconduct")));
        for (JsonNode group : byCategory.path("groups")) {
            if ("sea".equals(group.path("category").asText())) {
                assertTrue(group.at("/victims/total").asInt() > 100, group.toString());
                assertTrue(group.path("investigations").size() > 0, group.toString());
            }
        }
    }

    @Test
    void partnershipsWithCommitmentsAndViolations() throws Exception {
        JsonNode partnerships =
                JSON.readTree(
                        Api.as("reader")
                                .queryParam("limit", 50)
                                .get("/host-country-partnerships")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString());
        assertTrue(partnerships.path("items").size() >= 12, partnerships.toString());
        assertTrue(count("partnership_commitment") >= 40);
        assertTrue(count("partnership_violation") >= 60);
    }

    @Test
    void loadingAgainAddsNothingAndTheKeptStatisticsAgree() throws SQLException {
        long cases = count("accountability_case");
        long violations = count("partnership_violation");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(DemoData.script());
            }
            connection.commit();
        }
        assertEquals(cases, count("accountability_case"));
        assertEquals(violations, count("partnership_violation"));
        assertEquals(
                count("accountability_case"),
                single("SELECT coalesce(sum(cases), 0) FROM case_statistics"));
    }

    private static JsonNode statistics(String groupBy) throws Exception {
        return JSON.readTree(
                Api.as("admin")
                        .queryParam("group_by", groupBy)
                        .get("/accountability-cases/statistics")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
    }

    private static Set<String> values(JsonNode statistics, String dimension) {
        Set<String> values = new HashSet<>();
        statistics.path("groups").forEach(group -> values.add(group.path(dimension).asText()));
        return values;
    }

    private long count(String table) throws SQLException {
        return single("SELECT count(*) FROM " + table);
    }

    private long single(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
