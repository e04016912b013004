package org.a4ptracker.support;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** Assertions every RFC 9457 answer must pass. */
public final class Problems {

    private Problems() {}

    /**
     * Checks status, media type, the type/title/status members and that the body leaks no stack
     * trace, class name or SQL. Answers the response for further checks.
     */
    public static ValidatableResponse assertProblem(Response response, int status, String type) {
        assertNoLeak(response.asString());
        return response.then()
                .statusCode(status)
                .contentType(startsWith(Api.PROBLEM_JSON))
                .body("status", equalTo(status))
                .body("type", equalTo(type))
                .body(
                        "title",
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));
    }

    public static void assertNoLeak(String body) {
        for (String telltale :
                new String[] {
                    "Exception",
                    "\tat ",
                    "at org.",
                    "at java.",
                    "java.lang",
                    "org.a4ptracker",
                    "org.hibernate",
                    "jakarta.",
                    "io.quarkus",
                    "com.fasterxml",
                    "SELECT ",
                    "INSERT ",
                    "Caused by"
                }) {
            assertThat(
                    "The body leaks implementation details: " + body,
                    body,
                    not(containsString(telltale)));
        }
    }
}
