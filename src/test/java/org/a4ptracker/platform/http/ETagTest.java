package org.a4ptracker.platform.http;

import static org.a4ptracker.support.Api.as;
import static org.a4ptracker.support.Api.invalid;
import static org.a4ptracker.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.a4ptracker.support.Indicators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Optimistic concurrency on indicators: ETag on reads and writes, If-Match required to change. */
@QuarkusTest
class ETagTest {

    private static final String PRIORITY = "P7";
    private String path;
    private String etag;
    private Map<String, Object> body;

    @BeforeEach
    void createIndicator() {
        body = Indicators.input(Indicators.uniqueCode("ETAG"));
        Response created = Indicators.create(PRIORITY, body);
        path = Indicators.path(PRIORITY, created.jsonPath().getString("id"));
        etag = created.header("ETag");
    }

    /**
     * DELETE answers no JSON: the contract lists only application/problem+json (for its errors).
     */
    private static io.restassured.specification.RequestSpecification deleter() {
        return as("editor").accept(org.a4ptracker.support.Api.PROBLEM_JSON);
    }

    @Test
    void getAnswersTheETagOfTheCreation() {
        as("reader")
                .get(path)
                .then()
                .statusCode(200)
                .header("ETag", matchesPattern("\"\\d+\""))
                .header("ETag", equalTo(etag));
    }

    @Test
    void putWithoutIfMatchIsA428AndChangesNothing() {
        body.put("unit", "changed");
        assertProblem(
                invalid("editor").body(body).put(path), 428, "/problems/precondition-required");
        as("reader")
                .get(path)
                .then()
                .statusCode(200)
                .header("ETag", equalTo(etag))
                .body("unit", equalTo("percent"));
    }

    @Test
    void putWithAStaleETagIsA412NamingTheCurrentOne() {
        body.put("unit", "changed");
        assertProblem(
                        as("editor").header("If-Match", "\"987654\"").body(body).put(path),
                        412,
                        "/problems/precondition-failed")
                .header("ETag", equalTo(etag));
        as("reader").get(path).then().statusCode(200).body("unit", equalTo("percent"));
    }

    @Test
    void putWithAWeakETagIsA412() {
        body.put("unit", "changed");
        assertProblem(
                as("editor").header("If-Match", "W/" + etag).body(body).put(path),
                412,
                "/problems/precondition-failed");
    }

    @Test
    void putWithTheCurrentETagReplacesAndAnswersANewOne() {
        body.put("unit", "changed");
        Response replaced = as("editor").header("If-Match", etag).body(body).put(path);
        replaced.then().statusCode(200).body("unit", equalTo("changed"));
        String newETag = replaced.header("ETag");
        assertNotEquals(etag, newETag);
        as("reader")
                .get(path)
                .then()
                .statusCode(200)
                .header("ETag", equalTo(newETag))
                .body("unit", equalTo("changed"));

        // A second writer still holding the first ETag loses instead of overwriting.
        body.put("unit", "lost update");
        assertProblem(
                        as("editor").header("If-Match", etag).body(body).put(path),
                        412,
                        "/problems/precondition-failed")
                .header("ETag", equalTo(newETag));
        as("reader").get(path).then().body("unit", equalTo("changed"));
    }

    @Test
    void putWithIfMatchStarReplaces() {
        body.put("unit", "starred");
        as("editor")
                .header("If-Match", "*")
                .body(body)
                .put(path)
                .then()
                .statusCode(200)
                .body("unit", equalTo("starred"));
    }

    @Test
    void deleteWithoutIfMatchIsA428() {
        assertProblem(invalid("editor").delete(path), 428, "/problems/precondition-required");
        as("reader").get(path).then().statusCode(200);
    }

    @Test
    void deleteWithAStaleETagIsA412() {
        assertProblem(
                        deleter().header("If-Match", "\"987654\"").delete(path),
                        412,
                        "/problems/precondition-failed")
                .header("ETag", equalTo(etag));
        as("reader").get(path).then().statusCode(200);
    }

    @Test
    void deleteWithTheCurrentETagRemovesIt() {
        Response deleted = deleter().header("If-Match", etag).delete(path);
        assertEquals(204, deleted.statusCode());
        assertEquals("", deleted.asString());
        assertProblem(as("reader").get(path), 404, "/problems/not-found");
        assertProblem(deleter().header("If-Match", etag).delete(path), 404, "/problems/not-found");
        assertEquals(0, Indicators.countWithCode(PRIORITY, (String) body.get("code")));
    }
}
