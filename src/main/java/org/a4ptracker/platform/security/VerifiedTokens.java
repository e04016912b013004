package org.a4ptracker.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.DefaultJWTTokenParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtContext;

/**
 * Verifies each distinct token once. A client sends the same bearer token on every call, and
 * checking its RSA signature and claims again was the largest single cost of a read (issue 12).
 * Tokens that passed smallrye-jwt's checks are kept, keyed by the SHA-256 of the token text, until
 * the earlier of their {@code exp} and {@code iat} plus the maximum age: a token that expires while
 * cached is verified again (and refused). Only verified tokens are kept; a token that fails is
 * checked in full every time, and the failed-authentication limit applies to it. At most {@code
 * a4p.tokens.cache-size} tokens are kept; when full, expired ones are dropped and, if that frees
 * nothing, new tokens are verified without being kept.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    private record Verified(JsonWebToken token, long validUntil) {}

    private final JWTParser parser;
    private final long maxAgeSeconds;
    private final int capacity;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    VerifiedTokens(
            JWTAuthContextInfo context,
            @ConfigProperty(name = "mp.jwt.verify.token.age") long maxAgeSeconds,
            @ConfigProperty(name = "a4p.tokens.cache-size") int capacity) {
        this.parser = new DefaultJWTParser(context, new Principals());
        this.maxAgeSeconds = maxAgeSeconds;
        this.capacity = capacity;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = Instant.now().getEpochSecond();
        String key = sha256(token);
        Verified known = verified.get(key);
        if (known != null && now < known.validUntil()) {
            return known.token();
        }
        JsonWebToken parsed = parser.parse(token);
        long validUntil =
                Math.min(parsed.getExpirationTime(), parsed.getIssuedAtTime() + maxAgeSeconds);
        if (now < validUntil && room(now)) {
            verified.put(key, new Verified(parsed, validUntil));
        }
        return parsed;
    }

    private boolean room(long now) {
        if (verified.size() < capacity) {
            return true;
        }
        verified.values().removeIf(v -> v.validUntil() <= now);
        return verified.size() < capacity;
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** smallrye-jwt's principals, built by its own token parser, as {@link Principal}s. */
    private static final class Principals extends JWTCallerPrincipalFactory {
        private final DefaultJWTTokenParser tokens = new DefaultJWTTokenParser();

        @Override
        public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context)
                throws ParseException {
            JwtContext parsed = tokens.parse(token, context);
            String type = parsed.getJoseObjects().get(0).getHeader("typ");
            return new Principal(type, parsed.getJwtClaims());
        }
    }

    /**
     * smallrye-jwt's principal, except that asking it for a claim outside the standard ones (such
     * as {@code missions}, on every request) does not throw and catch an exception inside: that
     * exception's stack trace was a tenth of the CPU time of a cached read (issue 12).
     */
    private static final class Principal extends DefaultJWTCallerPrincipal {
        private static final Map<String, Claims> STANDARD =
                Arrays.stream(Claims.values())
                        .collect(Collectors.toUnmodifiableMap(Claims::name, Function.identity()));

        Principal(String type, JwtClaims claims) {
            super(type, claims);
        }

        @Override
        protected Claims getClaimType(String name) {
            return STANDARD.getOrDefault(name, Claims.UNKNOWN);
        }
    }

    // The rest is not used for bearer tokens; it goes straight to smallrye-jwt.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }
}
