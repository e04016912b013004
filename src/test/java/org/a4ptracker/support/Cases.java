package org.a4ptracker.support;

import static org.a4ptracker.support.Api.as;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Accountability case bodies and helpers for the tests. */
public final class Cases {

    private Cases() {}

    public static Map<String, Object> victim(String sex, String ageGroup) {
        return Map.of(
                "sex",
                sex,
                "age_group",
                ageGroup,
                "assistance_offered",
                true,
                "assistance_accepted",
                true,
                "assistance",
                List.of(
                        Map.of(
                                "type",
                                "medical",
                                "provider",
                                "Mission medical unit",
                                "provided_on",
                                "2021-03-10")));
    }

    public static Map<String, Object> investigation(
            String entity, String openedOn, String completedOn) {
        var i = new HashMap<String, Object>(Map.of("entity", entity, "opened_on", openedOn));
        if (completedOn != null) {
            i.put("completed_on", completedOn);
        }
        return i;
    }

    /** An SEA allegation against a contingent member, with two victims. */
    public static Map<String, Object> sea(String mission, String reportedOn) {
        var misconduct = new HashMap<String, Object>();
        misconduct.put("category", "sea");
        misconduct.put("sea_type", "sexual_exploitation");
        misconduct.put("sea_subtype", "transactional_sex");
        misconduct.put("personnel_category", "military_contingent");
        misconduct.put("alleged_perpetrators", 1);
        misconduct.put("perpetrator_nationality", "PAK");
        misconduct.put("victims", List.of(victim("female", "adult"), victim("female", "minor")));
        misconduct.put(
                "paternity_claims", List.of(Map.of("status", "open", "opened_on", reportedOn)));
        var body = new HashMap<String, Object>();
        body.put("kind", "misconduct");
        body.put("mission_acronym", mission);
        body.put("reported_on", reportedOn);
        body.put("incident_date", reportedOn.substring(0, 8) + "01");
        body.put("incident_date_precision", "month");
        body.put("misconduct", misconduct);
        return body;
    }

    public static Map<String, Object> pipeline(
            int identified, int arrested, int charged, int tried, int convicted, int acquitted) {
        return Map.of(
                "suspects_identified",
                identified,
                "arrested",
                arrested,
                "charged",
                charged,
                "tried",
                tried,
                "convicted",
                convicted,
                "acquitted",
                acquitted);
    }

    /** An IED attack with its judicial follow-up. */
    public static Map<String, Object> crime(
            String mission, String reportedOn, Map<String, Object> pipeline) {
        var crime = new HashMap<String, Object>();
        crime.put("crime_type", "ied");
        crime.put(
                "location",
                Map.of("admin_area", "Ituri", "description", "Road between Bunia and Komanda"));
        crime.put("peacekeepers_killed", 2);
        crime.put("peacekeepers_injured", 5);
        crime.put("attributed_group", "Unidentified armed group");
        crime.put("national_case_number", "RP 1234/2021");
        crime.put("court", "Tribunal militaire de garnison de Bunia");
        crime.put("judicial_pipeline", pipeline);
        var body = new HashMap<String, Object>();
        body.put("kind", "crime_against_peacekeepers");
        body.put("mission_acronym", mission);
        body.put("reported_on", reportedOn);
        body.put("incident_date", reportedOn);
        body.put("incident_date_precision", "day");
        body.put("crime", crime);
        return body;
    }

    /** Creates a case as a conduct officer and returns its id. */
    public static String create(Map<String, Object> body) {
        return as("conduct_officer")
                .body(body)
                .post("/accountability-cases")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Moves a case to a status and returns the new ETag. */
    public static String move(String id, String to) {
        return as("conduct_officer")
                .body(Map.of("to", to, "reason", "Test moves the case to " + to))
                .post("/accountability-cases/" + id + "/transitions")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }
}
