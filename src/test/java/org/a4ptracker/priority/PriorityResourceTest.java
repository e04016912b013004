package org.a4ptracker.priority;

import static org.a4ptracker.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PriorityResourceTest {

    @Test
    void listsTheNinePrioritiesInOrderInEnglishByDefault() {
        as("reader")
                .get("/priorities")
                .then()
                .statusCode(200)
                .header("Content-Language", "en")
                .body("items", hasSize(9))
                .body(
                        "items.code",
                        contains("P1", "P2", "P3", "P4", "P5", "P6", "P7", "X-WPS", "X-DATA"))
                .body("items[4].title", equalTo("Accountability of peacekeepers"))
                .body("items[7].kind", equalTo("cross_cutting"));
    }

    @Test
    void answersInFrenchWhenAsked() {
        as("reader")
                .header("Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5")
                .get("/priorities/P4")
                .then()
                .statusCode(200)
                .header("Content-Language", "fr")
                .body("code", equalTo("P4"))
                .body("title", equalTo("Responsabilité envers les Casques bleus"))
                .body("description", startsWith("Sûreté et sécurité"));
    }

    @Test
    void fallsBackToEnglishForOtherLanguages() {
        as("reader")
                .header("Accept-Language", "de-DE")
                .get("/priorities/X-DATA")
                .then()
                .statusCode(200)
                .header("Content-Language", "en")
                .body("title", equalTo("Data and technology"))
                .body("kind", equalTo("cross_cutting"))
                .body("position", equalTo(9));
    }

    @Test
    void namesTheLanguageOfTheListOnceLoadedOrFromMemoryJsonOrCsv() {
        for (String type : List.of("application/json", "text/csv", "application/json")) {
            for (int i = 0; i < 3; i++) {
                List<String> languages =
                        as("reader")
                                .header("Accept-Language", "fr")
                                .accept(type)
                                .get("/priorities")
                                .then()
                                .statusCode(200)
                                .extract()
                                .headers()
                                .getValues("Content-Language");
                assertEquals(List.of("fr"), languages, type + ", answer " + (i + 1));
            }
        }
    }
}
