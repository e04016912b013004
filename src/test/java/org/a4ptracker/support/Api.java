package org.a4ptracker.support;

import static io.restassured.RestAssured.given;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.filter.Filter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Every test call goes through here, so every request and response is checked against openapi.yaml.
 * {@link #invalid()} is for calls that are meant to break the contract on the request side: it
 * stops checking the request but still checks the answer.
 */
public final class Api {

    public static final String PROBLEM_JSON = "application/problem+json";

    /** What a well-behaved client accepts: the resource or a problem. */
    private static final String ACCEPT = "application/json, application/problem+json";

    private static final String SPEC = read(Path.of("openapi.yaml"));

    private static final OpenApiValidationFilter STRICT =
            new OpenApiValidationFilter(
                    OpenApiInteractionValidator.createForInlineApiSpecification(SPEC).build());
    private static final OpenApiValidationFilter RESPONSES_ONLY =
            new OpenApiValidationFilter(
                    OpenApiInteractionValidator.createForInlineApiSpecification(SPEC)
                            .withLevelResolver(
                                    LevelResolver.create()
                                            .withLevel(
                                                    "validation.request",
                                                    ValidationReport.Level.IGNORE)
                                            .build())
                            .build());

    /**
     * The contract validator checks a CSV answer's status, headers and media type but not its body
     * (it reads only JSON): every CSV body must at least be well-formed RFC 4180 with a header row.
     */
    private static final Filter CSV_BODIES =
            (request, response, context) -> {
                Response answer = context.next(request, response);
                String type = answer.contentType();
                if (type != null && type.startsWith("text/csv")) {
                    CsvText.header(answer.asString());
                }
                return answer;
            };

    /** Headers that name one thing about an answer: sent twice, a client must guess which holds. */
    private static final List<String> ONCE_ONLY =
            List.of(
                    "Content-Type",
                    "Content-Length",
                    "Content-Language",
                    "Content-Disposition",
                    "ETag",
                    "Cache-Control",
                    "Location",
                    "Retry-After",
                    "WWW-Authenticate");

    private static final Filter HEADERS_ONCE =
            (request, response, context) -> {
                Response answer = context.next(request, response);
                for (String name : ONCE_ONLY) {
                    List<String> values = answer.headers().getValues(name);
                    if (values.size() > 1) {
                        throw new AssertionError(
                                name
                                        + " sent "
                                        + values.size()
                                        + " times by "
                                        + request.getMethod()
                                        + " "
                                        + request.getURI()
                                        + ": "
                                        + values);
                    }
                }
                return answer;
            };

    private Api() {}

    public static String spec() {
        return SPEC;
    }

    /** An anonymous call. */
    public static RequestSpecification anonymous() {
        return given().filters(STRICT, CSV_BODIES, HEADERS_ONCE)
                .contentType(ContentType.JSON)
                .accept(ACCEPT);
    }

    /** A call with a token for these roles and every mission. */
    public static RequestSpecification as(String... roles) {
        return asIn(List.of("*"), roles);
    }

    /** A call with a token for these roles, limited to these missions. */
    public static RequestSpecification asIn(List<String> missions, String... roles) {
        return anonymous().auth().oauth2(token(missions, roles));
    }

    /**
     * A call that deliberately breaks the contract's request rules; the response is still checked.
     */
    public static RequestSpecification invalid(String... roles) {
        RequestSpecification spec =
                given().filters(RESPONSES_ONLY, CSV_BODIES, HEADERS_ONCE)
                        .contentType(ContentType.JSON)
                        .accept(ACCEPT);
        return roles.length == 0 ? spec : spec.auth().oauth2(token(List.of("*"), roles));
    }

    public static String token(List<String> missions, String... roles) {
        return DevTokens.mint("test-" + String.join("-", roles), List.of(roles), missions, 600);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
