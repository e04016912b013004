package org.a4ptracker.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * {@code Idempotency-Key} for creating POSTs. The key row is inserted in the same transaction as
 * the creation, so PostgreSQL's unique index makes a concurrent duplicate wait for the first
 * request and then replay its stored answer: two requests with one key never create two rows.
 */
@ApplicationScoped
public class Idempotency {

    private static final List<String> REPLAYED_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG,
            HttpHeaders.CONTENT_LANGUAGE);
    private static final TypeReference<Map<String, String>> HEADER_MAP = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper json;
    private final SecurityIdentity caller;
    private final CallerScope scope;
    private final Duration retention;

    Idempotency(EntityManager em, ObjectMapper json, SecurityIdentity caller, CallerScope scope,
                @ConfigProperty(name = "a4p.idempotency.retention") Duration retention) {
        this.em = em;
        this.json = json;
        this.caller = caller;
        this.scope = scope;
        this.retention = retention;
    }

    /**
     * Runs {@code create} once per caller and key. {@code operation} names what is created (for
     * example the request path) and, with {@code request}, makes the fingerprint of the request.
     */
    @Transactional
    public Response create(String key, String operation, Object request, Supplier<Response> create) {
        if (key == null) {
            return create.get();
        }
        String who = caller.getPrincipal().getName();
        // The caller's roles and missions are part of the request: a replay never answers a token
        // that could not have made the first call.
        String fingerprint = fingerprint(operation + "\n" + new java.util.TreeSet<>(caller.getRoles())
                + "\n" + new java.util.TreeSet<>(scope.missions()), request);
        int claimed = em.createNativeQuery("""
                        INSERT INTO idempotency_key (caller, idempotency_key, request_fingerprint, expires_at)
                        VALUES (:caller, :key, :fingerprint, now() + make_interval(secs => :seconds))
                        ON CONFLICT (caller, idempotency_key) DO UPDATE
                           SET request_fingerprint = excluded.request_fingerprint, response_status = NULL,
                               response_headers = NULL, response_body = NULL,
                               created_at = now(), expires_at = excluded.expires_at
                         WHERE idempotency_key.expires_at < now()""")
                .setParameter("caller", who)
                .setParameter("key", key)
                .setParameter("fingerprint", fingerprint)
                .setParameter("seconds", (double) retention.toSeconds())
                .executeUpdate();
        if (claimed == 0) {
            return replay(who, key, fingerprint);
        }
        // Expired keys are dropped a few at a time by the requests that add keys, so the table
        // stays bounded without a scheduler.
        em.createNativeQuery("""
                        DELETE FROM idempotency_key WHERE ctid IN (
                            SELECT ctid FROM idempotency_key WHERE expires_at < now() LIMIT 20)""").executeUpdate();
        Response response = create.get();
        em.flush();
        em.createNativeQuery("""
                        UPDATE idempotency_key
                           SET response_status = :status, response_headers = CAST(:headers AS jsonb), response_body = :body
                         WHERE caller = :caller AND idempotency_key = :key""")
                .setParameter("status", response.getStatus())
                .setParameter("headers", write(replayedHeaders(response)))
                .setParameter("body", response.hasEntity() ? write(response.getEntity()) : null)
                .setParameter("caller", who)
                .setParameter("key", key)
                .executeUpdate();
        return response;
    }

    private Response replay(String who, String key, String fingerprint) {
        Object[] stored = (Object[]) em.createNativeQuery("""
                        SELECT request_fingerprint, response_status, CAST(response_headers AS text), response_body
                          FROM idempotency_key WHERE caller = :caller AND idempotency_key = :key""")
                .setParameter("caller", who)
                .setParameter("key", key)
                .getSingleResult();
        if (!fingerprint.equals(stored[0])) {
            throw ProblemException.unprocessable("/problems/idempotency-key-reused", "Idempotency key reused",
                    "This Idempotency-Key was already used with a different request; use a new key.");
        }
        Response.ResponseBuilder response = Response.status(((Number) stored[1]).intValue());
        read((String) stored[2]).forEach(response::header);
        if (stored[3] != null) {
            response.entity(stored[3]).type("application/json");
        }
        return response.build();
    }

    private static Map<String, String> replayedHeaders(Response response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : REPLAYED_HEADERS) {
            String value = response.getHeaderString(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    private String fingerprint(String operation, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private Map<String, String> read(String headers) {
        try {
            return headers == null ? Map.of() : json.readValue(headers, HEADER_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored idempotency headers are not readable", e);
        }
    }
}
