package org.a4ptracker.mission;

import static org.a4ptracker.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MissionSmokeTest {
    @Test
    void smoke() {
        as("reader").get("/missions").then().log().ifValidationFails().statusCode(200);
        as("reader").get("/missions/MINUSMA").then().statusCode(200).body("status", equalTo("closed"));
        as("reader").get("/missions/MINUSCA/progress").then().log().ifValidationFails().statusCode(200);
        as("reader").get("/priorities/P5/progress").then().log().ifValidationFails().statusCode(200);
        as("reader").queryParam("host_country", "SSD").queryParam("sort", "-start_date").get("/missions").then().log().all().statusCode(200);
    }
}
