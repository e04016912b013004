package org.a4ptracker.platform.security;

import static org.a4ptracker.support.Api.as;
import static org.a4ptracker.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.a4ptracker.support.Api;
import org.a4ptracker.support.Indicators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every role reads; only editors and admins change indicators. */
@QuarkusTest
class RolesTest {

    private static final String PRIORITY = "X-WPS";
    private static final String INDICATORS = "/priorities/" + PRIORITY + "/indicators";
    private String path;
    private String etag;
    private Map<String, Object> body;

    @BeforeEach
    void createIndicator() {
        body = Indicators.input(Indicators.uniqueCode("ROLE"));
        Response created = Indicators.create(PRIORITY, body);
        path = Indicators.path(PRIORITY, created.jsonPath().getString("id"));
        etag = created.header("ETag");
    }

    @ParameterizedTest
    @ValueSource(strings = {"reader", "editor", "conduct_officer", "admin"})
    void everyRoleReads(String role) {
        as(role).get("/priorities").then().statusCode(200).body("items", hasSize(9));
        as(role).get("/priorities/" + PRIORITY)
                .then()
                .statusCode(200)
                .body("code", equalTo(PRIORITY));
        as(role).get(INDICATORS).then().statusCode(200);
        as(role).get(path)
                .then()
                .statusCode(200)
                .header("ETag", equalTo(etag))
                .body("code", equalTo(body.get("code")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"reader", "conduct_officer"})
    void readersAndConductOfficersCannotChangeIndicators(String role) {
        Map<String, Object> other = Indicators.input(Indicators.uniqueCode("ROLE"));
        assertProblem(as(role).body(other).post(INDICATORS), 403, "/problems/forbidden");
        assertEquals(0, Indicators.countWithCode(PRIORITY, (String) other.get("code")));

        Map<String, Object> changed = Indicators.input((String) body.get("code"));
        changed.put("unit", "changed");
        assertProblem(
                as(role).header("If-Match", etag).body(changed).put(path),
                403,
                "/problems/forbidden");
        assertProblem(
                as(role).accept(Api.PROBLEM_JSON).header("If-Match", etag).delete(path),
                403,
                "/problems/forbidden");

        as("reader")
                .get(path)
                .then()
                .statusCode(200)
                .header("ETag", equalTo(etag))
                .body("unit", equalTo("percent"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"editor", "admin"})
    void editorsAndAdminsCreateReplaceAndDelete(String role) {
        Map<String, Object> fresh = Indicators.input(Indicators.uniqueCode("ROLE"));
        Response created = as(role).body(fresh).post(INDICATORS);
        created.then().statusCode(201);
        String freshPath = Indicators.path(PRIORITY, created.jsonPath().getString("id"));

        fresh.put("unit", "by " + role);
        Response replaced =
                as(role).header("If-Match", created.header("ETag")).body(fresh).put(freshPath);
        replaced.then().statusCode(200).body("unit", equalTo("by " + role));

        as(role).accept(Api.PROBLEM_JSON)
                .header("If-Match", replaced.header("ETag"))
                .delete(freshPath)
                .then()
                .statusCode(204);
        assertProblem(as("reader").get(freshPath), 404, "/problems/not-found");
    }

    @Test
    void aTokenWithoutAKnownRoleIsForbiddenEvenToRead() {
        assertProblem(as("visitor").get("/priorities"), 403, "/problems/forbidden");
        assertProblem(as("visitor").get(path), 403, "/problems/forbidden");
    }
}
