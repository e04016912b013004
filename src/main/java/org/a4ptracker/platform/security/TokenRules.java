package org.a4ptracker.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What a verified token must also be: issued no later than now (give or take the clock skew) and of
 * a sane size: a subject of at most 255 characters, at most 20 roles and at most 100 missions. The
 * signature, issuer, {@code exp} (required) and the maximum age since {@code iat} ({@code
 * mp.jwt.verify.token.age}) are checked by smallrye-jwt before this runs; a token that fails any
 * rule is a 401 like a bad signature.
 */
@ApplicationScoped
public class TokenRules implements SecurityIdentityAugmentor {

    static final int MAX_SUBJECT = 255;
    static final int MAX_ROLES = 20;
    static final int MAX_MISSIONS = 100;

    private final long clockSkewSeconds;

    TokenRules(
            @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60")
                    long clockSkewSeconds) {
        this.clockSkewSeconds = clockSkewSeconds;
    }

    @Override
    public Uni<SecurityIdentity> augment(
            SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            String broken = broken(token);
            if (broken != null) {
                return Uni.createFrom().failure(new AuthenticationFailedException(broken));
            }
        }
        return Uni.createFrom().item(identity);
    }

    private String broken(JsonWebToken token) {
        if (token.getExpirationTime() <= 0) {
            return "token without exp";
        }
        if (token.getIssuedAtTime() > Instant.now().getEpochSecond() + clockSkewSeconds) {
            return "token issued in the future";
        }
        String name = token.getName();
        if (name == null || name.length() > MAX_SUBJECT) {
            return "token subject missing or too long";
        }
        Set<String> groups = token.getGroups();
        if (groups != null && groups.size() > MAX_ROLES) {
            return "too many roles";
        }
        Object missions = token.getClaim(CallerScope.CLAIM);
        if (missions instanceof java.util.Collection<?> list && list.size() > MAX_MISSIONS) {
            return "too many missions";
        }
        return null;
    }
}
