package org.a4ptracker.platform.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Map;

/**
 * Optimistic concurrency over HTTP: the entity's {@code @Version} is its strong ETag, and writes
 * must carry it back in {@code If-Match} (RFC 9110 §13.1.1, RFC 6585 §3).
 */
public final class ETags {

    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The answer with the record as its body and its version as its ETag. */
    public static Response respond(Response.ResponseBuilder response, Versioned<?> record) {
        return response.entity(record.body())
                .header(HttpHeaders.ETAG, of(record.version()))
                .build();
    }

    /** Throws 428 when {@code ifMatch} is absent and 412 when it names another version. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw preconditionRequired();
        }
        String current = of(currentVersion);
        boolean matches =
                Arrays.stream(ifMatch.split(","))
                        .map(String::trim)
                        .anyMatch(tag -> tag.equals("*") || tag.equals(current));
        if (!matches) {
            throw ProblemException.preconditionFailed(
                    "If-Match "
                            + ifMatch
                            + " does not match the current version "
                            + current
                            + ": read the resource again and retry.",
                    Map.of("ETag", current));
        }
    }

    public static ProblemException preconditionRequired() {
        return new ProblemException(
                428,
                "/problems/precondition-required",
                "Precondition required",
                "Send the resource's current ETag in If-Match to change it.");
    }
}
