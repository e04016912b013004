package org.a4ptracker.platform.http;

import static org.a4ptracker.support.Api.PROBLEM_JSON;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.a4ptracker.support.Api;
import org.a4ptracker.support.DemoDataProfile;
import org.junit.jupiter.api.Test;

/**
 * Every named example in openapi.yaml: each one matches its schema, every id in a path parameter
 * example names a record of the demo data, and every request example, replayed against the service
 * started with demo data, gets the answer the contract documents.
 */
@QuarkusTest
@TestProfile(DemoDataProfile.class)
class ContractExamplesTest {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    /**
     * Request examples that create a record with a unique key or move a status: the first replay on
     * a database answers the documented 2xx, a replay on a database that already ran them answers
     * the documented 409 (which problem, is checked too).
     */
    private static final Map<String, String> CONFLICT_ON_REPLAY =
            Map.of(
                    "new_indicator", "/problems/conflict",
                    "new_mission", "/problems/conflict",
                    "quarterly_assessment", "/problems/conflict",
                    "new_partnership", "/problems/conflict",
                    "refer", "/problems/invalid-transition");

    private final JsonNode contract;
    private final OpenApiInteractionValidator validator =
            OpenApiInteractionValidator.createForInlineApiSpecification(Api.spec()).build();

    ContractExamplesTest() throws Exception {
        contract = new YAMLMapper().readTree(Api.spec());
    }

    /** One operation of the contract, with its path made concrete from the parameter examples. */
    private record Operation(
            String template, String method, JsonNode node, String path, boolean needsIfMatch) {
        Request.Method verb() {
            return Request.Method.valueOf(method.toUpperCase());
        }
    }

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        contract.get("paths")
                .fields()
                .forEachRemaining(
                        path -> {
                            for (String method : METHODS) {
                                JsonNode op = path.getValue().get(method);
                                if (op == null) {
                                    continue;
                                }
                                String concrete = path.getKey();
                                boolean ifMatch = false;
                                for (JsonNode p : op.path("parameters")) {
                                    JsonNode parameter = resolve(p);
                                    if (parameter.get("in").asText().equals("path")) {
                                        JsonNode example = parameter.get("example");
                                        assertTrue(
                                                example != null,
                                                path.getKey()
                                                        + ": path parameter "
                                                        + parameter.get("name")
                                                        + " has no example");
                                        concrete =
                                                concrete.replace(
                                                        "{" + parameter.get("name").asText() + "}",
                                                        example.asText());
                                    }
                                    ifMatch |=
                                            parameter.get("name").asText().equals("If-Match")
                                                    && parameter.path("required").asBoolean();
                                }
                                operations.add(
                                        new Operation(
                                                path.getKey(), method, op, concrete, ifMatch));
                            }
                        });
        return operations;
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        JsonNode target = contract;
        for (String part : ref.asText().substring(2).split("/")) {
            target = target.get(part);
        }
        return resolve(target);
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return node == null ? List.of() : node::fields;
    }

    @Test
    void everyRequestAndResponseHasNamedExamples() {
        List<String> missing = new ArrayList<>();
        for (Operation op : operations()) {
            for (Map.Entry<String, JsonNode> media :
                    fields(op.node().path("requestBody").get("content"))) {
                if (!media.getValue().has("examples") || media.getValue().has("example")) {
                    missing.add(op.method() + " " + op.template() + " request " + media.getKey());
                }
            }
            for (Map.Entry<String, JsonNode> response : fields(op.node().get("responses"))) {
                for (Map.Entry<String, JsonNode> media :
                        fields(resolve(response.getValue()).get("content"))) {
                    if (!media.getValue().has("examples") || media.getValue().has("example")) {
                        missing.add(
                                op.method()
                                        + " "
                                        + op.template()
                                        + " "
                                        + response.getKey()
                                        + " "
                                        + media.getKey());
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "media types without named examples");
    }

    @Test
    void everyExampleMatchesItsSchema() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Operation op : operations()) {
            for (Map.Entry<String, JsonNode> media :
                    fields(op.node().path("requestBody").get("content"))) {
                for (Map.Entry<String, JsonNode> example :
                        fields(media.getValue().get("examples"))) {
                    SimpleRequest.Builder request =
                            new SimpleRequest.Builder(op.verb(), op.path())
                                    .withContentType(media.getKey())
                                    .withAuthorization("Bearer example")
                                    .withBody(resolve(example.getValue()).get("value").toString());
                    if (op.needsIfMatch()) {
                        request.withHeader("If-Match", "\"0\"");
                    }
                    failures.addAll(
                            errors(
                                    op.method()
                                            + " "
                                            + op.template()
                                            + " request example "
                                            + example.getKey(),
                                    validator.validateRequest(request.build())));
                    checked++;
                }
            }
            for (Map.Entry<String, JsonNode> response : fields(op.node().get("responses"))) {
                for (Map.Entry<String, JsonNode> media :
                        fields(resolve(response.getValue()).get("content"))) {
                    for (Map.Entry<String, JsonNode> example :
                            fields(media.getValue().get("examples"))) {
                        SimpleResponse answer =
                                new SimpleResponse.Builder(Integer.parseInt(response.getKey()))
                                        .withContentType(media.getKey())
                                        .withBody(
                                                resolve(example.getValue()).get("value").toString())
                                        .build();
                        failures.addAll(
                                errors(
                                        op.method()
                                                + " "
                                                + op.template()
                                                + " "
                                                + response.getKey()
                                                + " example "
                                                + example.getKey(),
                                        validator.validateResponse(op.path(), op.verb(), answer)));
                        checked++;
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(checked > 100, "only " + checked + " examples found");
    }

    private static List<String> errors(String where, ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> where + ": " + m.getMessage())
                .toList();
    }

    @Test
    void pathParameterExamplesNameDemoRecords() {
        int read = 0;
        for (Operation op : operations()) {
            if (op.method().equals("get") && !op.path().equals(op.template())) {
                Api.as("admin").get(op.path()).then().statusCode(200);
                read++;
            }
        }
        assertTrue(read >= 15, "only " + read + " reads");
    }

    /**
     * Every operation that answers CSV, asked for it with its parameter examples: the header row of
     * its CSV example is the one the service writes.
     */
    @Test
    void csvExamplesHaveTheColumnsTheServiceWrites() {
        int checked = 0;
        for (Operation op : operations()) {
            JsonNode csv = op.node().at("/responses/200/content/text~1csv/examples");
            if (!op.method().equals("get") || csv.isMissingNode()) {
                continue;
            }
            String query = "";
            for (JsonNode p : op.node().path("parameters")) {
                JsonNode parameter = resolve(p);
                if (parameter.get("name").asText().equals("group_by")) {
                    List<String> dimensions = new ArrayList<>();
                    parameter.get("example").forEach(d -> dimensions.add("group_by=" + d.asText()));
                    query = "?" + String.join("&", dimensions);
                }
            }
            Response answer = Api.as("admin").accept(Csv.MEDIA_TYPE).get(op.path() + query);
            answer.then()
                    .statusCode(200)
                    .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment"));
            for (Map.Entry<String, JsonNode> example : fields(csv)) {
                String documented = example.getValue().get("value").asText().split("\n")[0];
                assertEquals(
                        documented,
                        answer.asString().split("\r\n")[0],
                        op.template() + " example " + example.getKey());
            }
            checked++;
        }
        assertEquals(
                16, checked, "every list, the feed, both statistics and the public statistics");
    }

    @Test
    void requestExamplesGetTheDocumentedAnswers() {
        int replayed = 0;
        for (Operation op : operations()) {
            Set<Integer> documented = new java.util.HashSet<>();
            op.node()
                    .get("responses")
                    .fieldNames()
                    .forEachRemaining(code -> documented.add(Integer.parseInt(code)));
            Integer success =
                    documented.stream().filter(code -> code < 300).findFirst().orElseThrow();
            for (Map.Entry<String, JsonNode> media :
                    fields(op.node().path("requestBody").get("content"))) {
                for (Map.Entry<String, JsonNode> example :
                        fields(media.getValue().get("examples"))) {
                    var request =
                            Api.as("admin")
                                    .contentType(media.getKey())
                                    .body(resolve(example.getValue()).get("value").toString());
                    if (op.needsIfMatch()) {
                        request.header(
                                "If-Match",
                                Api.as("admin")
                                        .get(op.path())
                                        .then()
                                        .statusCode(200)
                                        .extract()
                                        .header("ETag"));
                    }
                    Response response = request.request(op.verb().name(), op.path());
                    String conflict = CONFLICT_ON_REPLAY.get(example.getKey());
                    String where =
                            op.method() + " " + op.path() + " with example " + example.getKey();
                    if (conflict != null && response.statusCode() == 409) {
                        assertTrue(documented.contains(409), where);
                        response.then().contentType(PROBLEM_JSON).body("type", equalTo(conflict));
                    } else {
                        assertEquals(
                                success, response.statusCode(), where + ": " + response.asString());
                        if (success == 201) {
                            response.then()
                                    .header(
                                            "Location",
                                            org.hamcrest.Matchers.containsString(op.path() + "/"));
                        }
                    }
                    replayed++;
                }
            }
        }
        assertTrue(replayed >= 18, "only " + replayed + " request examples replayed");
    }
}
