package org.a4ptracker.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.a4ptracker.platform.security.CallerScope;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code Idempotency-Key} for creating POSTs. The key row is inserted in the same transaction as
 * the creation, so PostgreSQL's unique index makes a concurrent duplicate wait for the first
 * request and then replay its answer: two requests with one key never create two rows.
 *
 * <p>The row keeps a hash of the request, the first answer's status and the path of the record it
 * showed, never a body: a replay reads the record again through the operation's own read path, so
 * scope, redaction, the read log and erasure apply to it as to any read.
 */
@ApplicationScoped
public class Idempotency {

    private static final List<String> REPLAYED_HEADERS =
            List.of(HttpHeaders.ETAG, HttpHeaders.CONTENT_LANGUAGE);

    private final EntityManager em;
    private final ObjectMapper json;
    private final SecurityIdentity caller;
    private final CallerScope scope;
    private final Duration retention;

    Idempotency(
            EntityManager em,
            ObjectMapper json,
            SecurityIdentity caller,
            CallerScope scope,
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
     * {@code read} answers a GET of the record the first answer showed, given the last segment of
     * its {@code Location} (the record's id), or null when the first answer had no Location.
     */
    @Transactional
    public Response create(
            String key,
            String operation,
            Object request,
            Supplier<Response> create,
            Function<String, Response> read) {
        if (key == null) {
            return create.get();
        }
        String who = caller.getPrincipal().getName();
        // The caller's roles and missions are part of the request: a replay never answers a token
        // that could not have made the first call.
        String fingerprint =
                fingerprint(
                        operation
                                + "\n"
                                + new TreeSet<>(caller.getRoles())
                                + "\n"
                                + new TreeSet<>(scope.missions()),
                        request);
        int claimed =
                em.createNativeQuery(
                                """
                        INSERT INTO idempotency_key (caller, idempotency_key, request_fingerprint, expires_at)
                        VALUES (:caller, :key, :fingerprint, now() + make_interval(secs => :seconds))
                        ON CONFLICT (caller, idempotency_key) DO UPDATE
                           SET request_fingerprint = excluded.request_fingerprint, response_status = NULL,
                               response_location = NULL, created_at = now(), expires_at = excluded.expires_at
                         WHERE idempotency_key.expires_at < now()""")
                        .setParameter("caller", who)
                        .setParameter("key", key)
                        .setParameter("fingerprint", fingerprint)
                        .setParameter("seconds", (double) retention.toSeconds())
                        .executeUpdate();
        if (claimed == 0) {
            return replay(who, key, fingerprint, read);
        }
        // Expired keys are dropped a few at a time by the requests that add keys, so the table
        // stays bounded without a scheduler.
        em.createNativeQuery(
                        """
                        DELETE FROM idempotency_key WHERE ctid IN (
                            SELECT ctid FROM idempotency_key WHERE expires_at < now() LIMIT 20)""")
                .executeUpdate();
        Response response = create.get();
        em.flush();
        em.createNativeQuery(
                        """
                        UPDATE idempotency_key SET response_status = :status, response_location = :location
                         WHERE caller = :caller AND idempotency_key = :key""")
                .setParameter("status", response.getStatus())
                .setParameter("location", response.getHeaderString(HttpHeaders.LOCATION))
                .setParameter("caller", who)
                .setParameter("key", key)
                .executeUpdate();
        return response;
    }

    private record StoredAnswer(String fingerprint, int status, String location) {}

    private Response replay(
            String who, String key, String fingerprint, Function<String, Response> read) {
        Tuple row =
                (Tuple)
                        em.createNativeQuery(
                                        """
                        SELECT request_fingerprint, response_status, response_location
                          FROM idempotency_key WHERE caller = :caller AND idempotency_key = :key""",
                                        Tuple.class)
                                .setParameter("caller", who)
                                .setParameter("key", key)
                                .getSingleResult();
        StoredAnswer stored =
                new StoredAnswer(
                        row.get(0, String.class),
                        row.get(1, Number.class).intValue(),
                        row.get(2, String.class));
        if (!fingerprint.equals(stored.fingerprint())) {
            throw ProblemException.unprocessable(
                    "/problems/idempotency-key-reused",
                    "Idempotency key reused",
                    "This Idempotency-Key was already used with a different request; use a new key.");
        }
        String location = stored.location();
        Response current =
                read.apply(
                        location == null
                                ? null
                                : location.substring(location.lastIndexOf('/') + 1));
        if (current.getStatus() != Response.Status.OK.getStatusCode()) {
            return current;
        }
        Response.ResponseBuilder response =
                Response.status(stored.status()).entity(current.getEntity());
        if (location != null) {
            response.header(HttpHeaders.LOCATION, location);
        }
        for (String name : REPLAYED_HEADERS) {
            String value = current.getHeaderString(name);
            if (value != null) {
                response.header(name, value);
            }
        }
        return response.build();
    }

    private String fingerprint(String operation, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }
}
