package org.a4ptracker.support;

import static org.a4ptracker.support.Api.as;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Test data created through the API itself, with names no other test uses. */
public final class Fixtures {

    private Fixtures() {}

    /** An acronym of 9 letters that no seeded mission and (almost surely) no other test uses. */
    public static String newAcronym() {
        StringBuilder acronym = new StringBuilder("TST");
        for (int i = 0; i < 6; i++) {
            acronym.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return acronym.toString();
    }

    public static Map<String, Object> mission(String acronym, String startDate) {
        return Map.of(
                "acronym",
                acronym,
                "name",
                Map.of("en", "Test mission " + acronym, "fr", "Mission d'essai " + acronym),
                "host_countries",
                java.util.List.of("CAF"),
                "start_date",
                startDate,
                "headquarters",
                "Bangui");
    }

    /** Creates an active mission that started on {@code startDate}; returns its acronym. */
    public static String createMission(String startDate) {
        String acronym = newAcronym();
        as("admin").body(mission(acronym, startDate)).post("/missions").then().statusCode(201);
        return acronym;
    }

    public static Map<String, Object> assessment(
            String priority, String period, String rating, Integer score) {
        var body =
                new java.util.HashMap<String, Object>(
                        Map.of("priority_code", priority, "period", period, "rating", rating));
        if (score != null) {
            body.put("score", score);
        }
        return body;
    }

    /** Records an assessment and returns its id. */
    public static String createAssessment(String acronym, Map<String, Object> body) {
        return as("editor")
                .body(body)
                .post("/missions/" + acronym + "/assessments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static String etagOf(String path) {
        return as("admin").get(path).then().statusCode(200).extract().header("ETag");
    }
}
