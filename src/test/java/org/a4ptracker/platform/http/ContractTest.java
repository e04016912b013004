package org.a4ptracker.platform.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.a4ptracker.support.Api;
import org.junit.jupiter.api.Test;

/**
 * The service serves exactly the contract it implements, and its operational endpoints answer
 * without a token. These endpoints are not part of the contract: plain REST Assured, no filter.
 */
@QuarkusTest
class ContractTest {

    private static JsonNode contract() throws Exception {
        return new YAMLMapper().readTree(Api.spec());
    }

    @Test
    void openapiServesTheContractAsYaml() throws Exception {
        Response response = given().get("/q/openapi");
        response.then().statusCode(200).contentType(containsString("yaml"));
        assertSameTree(contract(), new YAMLMapper().readTree(response.asString()));
    }

    @Test
    void openapiServesTheContractAsJson() throws Exception {
        Response response = given().queryParam("format", "json").get("/q/openapi");
        response.then().statusCode(200).contentType(startsWith("application/json"));
        assertSameTree(contract(), new ObjectMapper().readTree(response.asString()));
    }

    @Test
    void swaggerUiAnswers() {
        given().get("/q/swagger-ui")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("swagger-ui"));
    }

    @Test
    void livenessIsUpWithoutAToken() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessIsUpWithTheDatabaseWithoutAToken() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body(
                        "checks.find { it.name == 'Database connections health check' }.status",
                        equalTo("UP"));
    }

    @Test
    void metricsArePrometheusTextWithoutAToken() {
        given().accept("text/plain")
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"))
                .body(containsString("jvm_memory_used_bytes{"));
    }

    /** Compares parsed documents and names every path where they differ. */
    private static void assertSameTree(JsonNode expected, JsonNode actual) {
        List<String> differences = new ArrayList<>();
        diff("", expected, actual, differences);
        if (!differences.isEmpty()) {
            fail(
                    "The served document differs from openapi.yaml at "
                            + differences.size()
                            + " places:\n  "
                            + String.join(
                                    "\n  ",
                                    differences.subList(0, Math.min(30, differences.size()))));
        }
        assertEquals(expected, actual);
    }

    private static void diff(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (actual == null || actual.isMissingNode()) {
            out.add(path + ": missing (expected " + abbreviate(expected) + ")");
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                diff(
                        path + "/" + field.getKey(),
                        field.getValue(),
                        actual.get(field.getKey()),
                        out);
            }
            for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!expected.has(name)) {
                    out.add(path + "/" + name + ": added " + abbreviate(actual.get(name)));
                }
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                diff(path + "/" + i, expected.get(i), actual.get(i), out);
            }
        } else if (expected.isNumber() && actual.isNumber()) {
            if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                out.add(path + ": " + expected + " became " + actual);
            }
        } else if (!expected.equals(actual)) {
            out.add(path + ": " + abbreviate(expected) + " became " + abbreviate(actual));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = String.valueOf(node);
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}
