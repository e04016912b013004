package org.a4ptracker.platform.persistence;

import static org.a4ptracker.support.Api.as;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.Map;
import org.a4ptracker.support.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Reference data comes from memory, yet a change shows at once: on this replica as soon as it
 * commits, and when made behind the service's back (another replica, psql) as soon as PostgreSQL
 * announces it.
 */
@QuarkusTest
class ReferenceCacheTest {

    @Inject AgroalDataSource database;

    /** Changes the mission the way another replica (or an operator) would: not through us. */
    private void changeBehindTheService(String acronym, String headquarters) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement update =
                        connection.prepareStatement(
                                "UPDATE mission SET headquarters = ?, version = version + 1"
                                        + " WHERE acronym = ?")) {
            update.setString(1, headquarters);
            update.setString(2, acronym);
            assertEquals(1, update.executeUpdate());
        }
    }

    private static String headquarters(String acronym) {
        return as("reader")
                .get("/missions/" + acronym)
                .then()
                .statusCode(200)
                .extract()
                .path("headquarters");
    }

    @Test
    void aMissionChangedBehindTheServiceIsSeenWithinASecond() throws Exception {
        String acronym = Fixtures.createMission("2020-01-01");
        assertEquals("Bangui", headquarters(acronym));
        assertEquals("Bangui", headquarters(acronym));

        changeBehindTheService(acronym, "Bria");

        long deadline = System.nanoTime() + 1_000_000_000L;
        String seen = headquarters(acronym);
        while (!seen.equals("Bria") && System.nanoTime() < deadline) {
            Thread.sleep(20);
            seen = headquarters(acronym);
        }
        assertEquals("Bria", seen);
    }

    @Test
    void aWriteIsReadBackAtOnce() {
        String acronym = Fixtures.createMission("2020-01-01");
        for (int i = 0; i < 10; i++) {
            String etag = as("reader").get("/missions/" + acronym).then().extract().header("ETag");
            Map<String, Object> body = new HashMap<>(Fixtures.mission(acronym, "2020-01-01"));
            body.remove("acronym");
            body.put("status", "active");
            body.put("headquarters", "HQ " + i);
            as("editor")
                    .header("If-Match", etag)
                    .body(body)
                    .put("/missions/" + acronym)
                    .then()
                    .statusCode(200);
            assertEquals("HQ " + i, headquarters(acronym));
        }
    }

    @Test
    void aCurrentCopyIsRevalidatedWith304() {
        String acronym = Fixtures.createMission("2020-01-01");
        String etag =
                as("reader")
                        .get("/missions/" + acronym)
                        .then()
                        .statusCode(200)
                        .header("Cache-Control", equalTo("private, no-cache"))
                        .extract()
                        .header("ETag");
        as("reader")
                .header("If-None-Match", etag)
                .get("/missions/" + acronym)
                .then()
                .statusCode(304)
                .header("ETag", equalTo(etag))
                .header("Cache-Control", equalTo("private, no-cache"))
                .body(emptyString());
        as("reader")
                .header("If-None-Match", "\"other\", W/" + etag)
                .get("/missions/" + acronym)
                .then()
                .statusCode(304);
        as("reader")
                .header("If-None-Match", "\"999999\"")
                .get("/missions/" + acronym)
                .then()
                .statusCode(200)
                .body("acronym", equalTo(acronym));
    }

    @Test
    void aMissionOutsideTheScopeIsNotRevealedByRevalidation() {
        String acronym = Fixtures.createMission("2020-01-01");
        String etag = Fixtures.etagOf("/missions/" + acronym);
        org.a4ptracker.support.Api.asIn(java.util.List.of("MINUSCA"), "reader")
                .header("If-None-Match", etag)
                .get("/missions/" + acronym)
                .then()
                .statusCode(404);
    }

    @Test
    void prioritiesHaveAnETagPerLanguageAndAnswer304() {
        String english =
                as("reader").get("/priorities").then().statusCode(200).extract().header("ETag");
        String french =
                as("reader")
                        .header("Accept-Language", "fr")
                        .get("/priorities")
                        .then()
                        .statusCode(200)
                        .header("Content-Language", "fr")
                        .extract()
                        .header("ETag");
        assertNotEquals(english, french);
        as("reader").header("If-None-Match", english).get("/priorities").then().statusCode(304);
        as("reader")
                .header("Accept-Language", "fr")
                .header("If-None-Match", english)
                .get("/priorities")
                .then()
                .statusCode(200);
        String p5 =
                as("reader").get("/priorities/P5").then().statusCode(200).extract().header("ETag");
        as("reader").header("If-None-Match", p5).get("/priorities/P5").then().statusCode(304);
        as("reader")
                .header("If-None-Match", p5)
                .get("/priorities/P6")
                .then()
                .statusCode(200)
                .header("ETag", not(equalTo(p5)));
    }
}
