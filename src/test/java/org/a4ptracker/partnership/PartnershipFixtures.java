package org.a4ptracker.partnership;

import static org.a4ptracker.support.Api.as;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Partnership test data, created through the API on missions no other test uses. */
public final class PartnershipFixtures {

    public static final String BASE = "/host-country-partnerships";

    private PartnershipFixtures() {}

    public static Map<String, Object> focalPoint(String function) {
        return Map.of(
                "function",
                function,
                "organisation",
                "Ministry of Foreign Affairs",
                "contact_channel",
                "Note verbale through the Office of the SRSG");
    }

    public static Map<String, Object> partnership(String mission, String country) {
        Map<String, Object> body = new HashMap<>();
        body.put("mission_acronym", mission);
        body.put("country_code", country);
        body.put("status", "in_force");
        body.put(
                "agreement",
                Map.of(
                        "type",
                        "sofa",
                        "signed_date",
                        "2014-09-02",
                        "in_force_date",
                        "2014-09-02",
                        "document_symbol",
                        "SOFA/CAF/2014"));
        body.put(
                "focal_points",
                List.of(focalPoint("Director of Cabinet for relations with the mission")));
        body.put(
                "resolution_2589_focal_point",
                focalPoint("Focal point for crimes against peacekeepers"));
        return body;
    }

    /** Creates a partnership of {@code mission} with CAF; returns its path. */
    public static String createPartnership(String mission) {
        return createPartnership(partnership(mission, "CAF"));
    }

    public static String createPartnership(Map<String, Object> body) {
        String id = as("editor").body(body).post(BASE).then().statusCode(201).extract().path("id");
        return BASE + "/" + id;
    }

    public static Map<String, Object> commitment(
            String description, String status, String dueDate) {
        Map<String, Object> body = new HashMap<>();
        body.put("description", description);
        body.put("area", "safety_and_security");
        body.put("priority_code", "P4");
        body.put("owner", "joint");
        if (status != null) {
            body.put("status", status);
        }
        if (dueDate != null) {
            body.put("due_date", dueDate);
        }
        return body;
    }

    public static Map<String, Object> violation(String occurredOn, String type, String status) {
        Map<String, Object> body = new HashMap<>();
        body.put("occurred_on", occurredOn);
        body.put("type", type);
        body.put("perpetrator", "government_forces");
        body.put("location", "Checkpoint at PK12, Bangui");
        body.put("raised_through", "note_verbale");
        body.put("status", status);
        return body;
    }

    /** Creates a sub-record under {@code partnershipPath}; returns its path. */
    public static String create(
            String partnershipPath, String collection, Map<String, Object> body) {
        String id =
                as("editor")
                        .body(body)
                        .post(partnershipPath + "/" + collection)
                        .then()
                        .log()
                        .ifValidationFails()
                        .statusCode(201)
                        .extract()
                        .path("id");
        return partnershipPath + "/" + collection + "/" + id;
    }
}
