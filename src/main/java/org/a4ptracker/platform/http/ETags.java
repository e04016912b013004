package org.a4ptracker.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

/**
 * Optimistic concurrency over HTTP: the entity's {@code @Version} is its strong ETag, and writes
 * must carry it back in {@code If-Match} (RFC 9110 §13.1.1, RFC 6585 §3). Reference reads also
 * answer {@code If-None-Match} with 304.
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

    /**
     * How a client may keep reference data: in its own cache, revalidated with {@code
     * If-None-Match} before each use; never in a shared cache, since reading it needs a token.
     */
    public static final String REVALIDATE = "private, no-cache";

    /** An ETag for content that has no version of its own: a digest of its JSON. */
    public static String ofContent(ObjectMapper json, Object body) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(body));
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Could not digest a reference answer", e);
        }
    }

    /**
     * The answer for reference data the caller may hold already: 304 without a body when {@code
     * ifNoneMatch} names {@code etag} (weak comparison, RFC 9110 §13.1.2), the body otherwise; both
     * with the ETag and {@link #REVALIDATE}.
     */
    public static Response respondFresh(
            Response.ResponseBuilder ok, Object body, String etag, String ifNoneMatch) {
        return respondFresh(ok, body, etag, ifNoneMatch, REVALIDATE);
    }

    /** {@link #respondFresh} with another {@code Cache-Control} (public data, say). */
    public static Response respondFresh(
            Response.ResponseBuilder ok,
            Object body,
            String etag,
            String ifNoneMatch,
            String cacheControl) {
        Response.ResponseBuilder answer =
                held(ifNoneMatch, etag) ? Response.notModified() : ok.entity(body);
        return answer.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .build();
    }

    /** {@link #respondFresh} for a versioned record. */
    public static Response respondFresh(
            Response.ResponseBuilder ok, Versioned<?> record, String ifNoneMatch) {
        return respondFresh(ok, record.body(), of(record.version()), ifNoneMatch);
    }

    private static boolean held(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
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
