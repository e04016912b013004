package org.a4ptracker.platform.http;

import static io.restassured.RestAssured.given;
import static org.a4ptracker.support.Api.as;
import static org.a4ptracker.support.Api.invalid;
import static org.a4ptracker.support.Problems.assertProblem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.a4ptracker.support.Api;
import org.a4ptracker.support.DevTokens;
import org.a4ptracker.support.Indicators;
import org.junit.jupiter.api.Test;

/** Every kind of error is an RFC 9457 application/problem+json body that names what went wrong. */
@QuarkusTest
class ProblemDetailsTest {

    private static final String INDICATORS = "/priorities/P6/indicators";

    private static Response postRaw(String json) {
        return invalid("editor").body(json).post(INDICATORS);
    }

    @Test
    void malformedJsonIsA400MalformedJson() {
        assertProblem(postRaw("{\"code\": \"X1\", \"name\": "), 400, "/problems/malformed-json")
                .body("title", equalTo("Malformed JSON"))
                .body("detail", containsString("line 1"))
                .body("instance", equalTo(INDICATORS));
    }

    @Test
    void unknownFieldIsPointedAt() {
        Map<String, Object> body = Indicators.input(Indicators.uniqueCode("UNK"));
        body.put("colour", "blue");
        assertProblem(
                        invalid("editor").body(body).post(INDICATORS),
                        400,
                        "/problems/validation-error")
                .body("errors", hasSize(1))
                .body("errors[0].pointer", equalTo("/colour"))
                .body("errors[0].detail", equalTo("is not a known property"));
    }

    @Test
    void unknownNestedFieldIsPointedAtWithItsPath() {
        Map<String, Object> body = Indicators.input(Indicators.uniqueCode("UNK"));
        body.put("name", Map.of("en", "a", "fr", "b", "de", "c"));
        assertProblem(
                        invalid("editor").body(body).post(INDICATORS),
                        400,
                        "/problems/validation-error")
                .body("errors.pointer", containsInAnyOrder("/name/de"));
    }

    @Test
    void wrongTypeIsPointedAt() {
        Map<String, Object> body = Indicators.input(Indicators.uniqueCode("TYPE"));
        body.put("baseline", "abc");
        assertProblem(
                        invalid("editor").body(body).post(INDICATORS),
                        400,
                        "/problems/validation-error")
                .body("errors", hasSize(1))
                .body("errors[0].pointer", equalTo("/baseline"));
    }

    @Test
    void valueOutsideAnEnumIsPointedAt() {
        Map<String, Object> body = Indicators.input(Indicators.uniqueCode("ENUM"));
        body.put("direction", "sideways");
        assertProblem(
                        invalid("editor").body(body).post(INDICATORS),
                        400,
                        "/problems/validation-error")
                .body("errors.pointer", containsInAnyOrder("/direction"));
    }

    @Test
    void everyMissingRequiredFieldGetsItsOwnEntry() {
        Map<String, Object> body = Indicators.input("IGNORED");
        body.remove("code");
        body.remove("unit");
        body.put("name", Map.of("en", "English only"));
        assertProblem(
                        invalid("editor").body(body).post(INDICATORS),
                        400,
                        "/problems/validation-error")
                .body("detail", equalTo("3 values are not valid."))
                .body("errors.pointer", containsInAnyOrder("/code", "/name/fr", "/unit"))
                .body("errors.detail", everyItem(equalTo("must not be null")))
                .body("errors.parameter", everyItem(nullValue()));
    }

    @Test
    void everyBeanValidationFailureGetsItsOwnEntry() {
        Map<String, Object> body = Indicators.input("lower case");
        body.put("name", Map.of("en", "ok", "fr", ""));
        body.put("unit", "u".repeat(41));
        body.put("data_source", "d".repeat(301));
        assertProblem(
                        invalid("editor").body(body).post(INDICATORS),
                        400,
                        "/problems/validation-error")
                .body("errors", hasSize(4))
                .body(
                        "errors.pointer",
                        containsInAnyOrder("/code", "/name/fr", "/unit", "/data_source"))
                .body("errors.find { it.pointer == '/code' }.detail", containsString("must match"))
                .body(
                        "errors.find { it.pointer == '/name/fr' }.detail",
                        equalTo("size must be between 1 and 300"));
    }

    @Test
    void nullForARequiredFieldIsPointedAt() {
        Map<String, Object> body = Indicators.input(Indicators.uniqueCode("NUL"));
        body.put("target", null);
        assertProblem(
                        invalid("editor").body(body).post(INDICATORS),
                        400,
                        "/problems/validation-error")
                .body("errors.pointer", containsInAnyOrder("/target"));
    }

    @Test
    void missingBodyIsA400() {
        assertProblem(invalid("editor").post(INDICATORS), 400, "/problems/validation-error")
                .body("errors", hasSize(1));
    }

    @Test
    void limitAboveTheMaximumNamesTheParameter() {
        assertProblem(
                        invalid("reader").queryParam("limit", 500).get(INDICATORS),
                        400,
                        "/problems/validation-error")
                .body("errors", hasSize(1))
                .body("errors[0].parameter", equalTo("limit"))
                .body("errors[0].pointer", nullValue());
    }

    @Test
    void limitZeroNamesTheParameter() {
        assertProblem(
                        invalid("reader").queryParam("limit", 0).get(INDICATORS),
                        400,
                        "/problems/validation-error")
                .body("errors.parameter", containsInAnyOrder("limit"));
    }

    @Test
    void limitThatIsNotANumberIsA400NotA404() {
        assertProblem(
                        invalid("reader").queryParam("limit", "abc").get(INDICATORS),
                        400,
                        "/problems/validation-error")
                .body("errors.parameter", containsInAnyOrder("limit"))
                .body("errors[0].detail", equalTo("must be an integer"));
    }

    @Test
    void cursorNotIssuedByTheServiceNamesTheParameter() {
        for (String cursor : List.of("!!!", "abc", "bm90LWEtY3Vyc29y")) {
            assertProblem(
                            as("reader").queryParam("cursor", cursor).get(INDICATORS),
                            400,
                            "/problems/validation-error")
                    .body("errors.parameter", containsInAnyOrder("cursor"));
        }
    }

    @Test
    void cursorWithAKeyThatIsNotAnIdNamesTheParameter() {
        String forged =
                java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(
                                "P6-01\u001fnot-a-uuid"
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertProblem(
                        as("reader").queryParam("cursor", forged).get(INDICATORS),
                        400,
                        "/problems/validation-error")
                .body("errors.parameter", containsInAnyOrder("cursor"));
    }

    @Test
    void unknownRouteIsA404Problem() {
        assertProblem(invalid("reader").get("/no-such-thing"), 404, "/problems/not-found")
                .body("title", equalTo("Not found"))
                .body("instance", equalTo("/no-such-thing"));
    }

    @Test
    void unknownRouteIsA404ProblemEvenWithoutAToken() {
        assertProblem(invalid().get("/no-such-thing/deeper"), 404, "/problems/not-found");
    }

    @Test
    void unknownRouteUnderAKnownResourceIsA404Problem() {
        assertProblem(
                invalid("reader").get(INDICATORS + "/" + UUID.randomUUID() + "/history"),
                404,
                "/problems/not-found");
    }

    @Test
    void wrongMethodIsA405WithAllow() {
        assertProblem(
                        invalid("editor").body("{}").patch("/priorities"),
                        405,
                        "/problems/method-not-allowed")
                .header("Allow", equalTo("GET"))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void wrongMethodOnAnItemListsItsMethods() {
        assertProblem(
                        invalid("editor").body("{}").patch(INDICATORS + "/" + UUID.randomUUID()),
                        405,
                        "/problems/method-not-allowed")
                .header("Allow", equalTo("GET, PUT, DELETE"));
        assertProblem(invalid("editor").delete(INDICATORS), 405, "/problems/method-not-allowed")
                .header("Allow", equalTo("GET, POST"));
    }

    @Test
    void unacceptableMediaTypeIsA406Problem() {
        assertProblem(
                invalid("reader").accept("text/html").get("/priorities"),
                406,
                "/problems/not-acceptable");
        assertProblem(
                invalid("reader").accept("application/xml").get(INDICATORS),
                406,
                "/problems/not-acceptable");
        // Lists and statistics answer CSV; a single record does not.
        assertProblem(
                invalid("reader").accept("text/csv").get("/priorities/P5"),
                406,
                "/problems/not-acceptable");
    }

    @Test
    void bodyThatIsNotJsonIsA415Problem() {
        assertProblem(
                        invalid("editor").contentType("text/plain").body("code=X").post(INDICATORS),
                        415,
                        "/problems/unsupported-media-type")
                .body("detail", equalTo("Send the body as application/json."));
    }

    @Test
    void noTokenIsA401ProblemWithAChallenge() {
        assertProblem(invalid().get("/priorities"), 401, "/problems/unauthorized")
                .header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    void garbageTokenIsA401ProblemWithAChallenge() {
        assertProblem(
                        invalid().auth().oauth2("not-a-jwt").get("/priorities"),
                        401,
                        "/problems/unauthorized")
                .header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    void expiredTokenIsA401ProblemWithAChallenge() {
        String expired = DevTokens.mint("test-expired", List.of("admin"), List.of("*"), -3600);
        assertProblem(
                        invalid().auth().oauth2(expired).get("/priorities"),
                        401,
                        "/problems/unauthorized")
                .header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    void tokenWithAForgedSignatureIsA401ProblemWithAChallenge() {
        String token = Api.token(List.of("*"), "admin");
        String[] parts = token.split("\\.");
        String otherSignature = Api.token(List.of("*"), "reader").split("\\.")[2];
        String forged = parts[0] + "." + parts[1] + "." + otherSignature;
        assertProblem(
                        invalid().auth().oauth2(forged).get("/priorities"),
                        401,
                        "/problems/unauthorized")
                .header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    void readerCreatingAnIndicatorIsA403Problem() {
        String code = Indicators.uniqueCode("RDR");
        assertProblem(
                        as("reader").body(Indicators.input(code)).post(INDICATORS),
                        403,
                        "/problems/forbidden")
                .body("title", equalTo("Not allowed"));
        org.junit.jupiter.api.Assertions.assertEquals(0, Indicators.countWithCode("P6", code));
    }

    @Test
    void priorityCodeOutsideThePatternIsA400NamingIt() {
        assertProblem(invalid("reader").get("/priorities/P9"), 400, "/problems/validation-error")
                .body("errors", hasSize(1))
                .body("errors[0].parameter", equalTo("code"));
    }

    @Test
    void unknownIndicatorIsA404Problem() {
        UUID id = UUID.randomUUID();
        assertProblem(as("reader").get(INDICATORS + "/" + id), 404, "/problems/not-found")
                .body("title", equalTo("Not found"))
                .body("detail", equalTo("No indicator " + id + " in priority P6."));
    }

    @Test
    void indicatorIdThatIsNotAUuidIsA400NamingIt() {
        assertProblem(
                        invalid("reader").get(INDICATORS + "/not-a-uuid"),
                        400,
                        "/problems/validation-error")
                .body("errors.parameter", containsInAnyOrder("indicator_id"));
    }

    @Test
    void problemsCarryNoEmptyListsOrInternalDetails() {
        Response response = invalid("reader").get("/no-such-thing");
        assertProblem(response, 404, "/problems/not-found")
                .body("errors", nullValue())
                .body("allowed", nullValue())
                .body("correlation_id", nullValue());
    }

    @Test
    void plainClientWithoutValidationSeesTheSameProblem() {
        // No contract filter here: what any HTTP client sees for a route the contract does not
        // know.
        assertProblem(
                        given().accept("application/json").post("/priorities/P1"),
                        405,
                        "/problems/method-not-allowed")
                .header("Allow", equalTo("GET"));
    }
}
