package org.a4ptracker.platform.security;

import static org.a4ptracker.support.Api.invalid;
import static org.a4ptracker.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.a4ptracker.support.DevTokens;
import org.junit.jupiter.api.Test;

/** A token that verifies but breaks a rule on its times or sizes is a 401 problem, never a 500. */
@QuarkusTest
class TokenRulesTest {

    private static final long NOW = Instant.now().getEpochSecond();

    private static String claims(
            String subject, String groups, String missions, Long iat, Long exp) {
        StringBuilder json =
                new StringBuilder(
                        "{\"iss\":\""
                                + DevTokens.ISSUER
                                + "\",\"sub\":\""
                                + subject
                                + "\",\"upn\":\""
                                + subject
                                + "\",\"groups\":"
                                + groups
                                + ",\"missions\":"
                                + missions);
        if (iat != null) {
            json.append(",\"iat\":").append(iat);
        }
        if (exp != null) {
            json.append(",\"exp\":").append(exp);
        }
        return DevTokens.sign(json.append('}').toString());
    }

    private static void assertRefused(String token) {
        assertProblem(
                        invalid().auth().oauth2(token).get("/priorities"),
                        401,
                        "/problems/unauthorized")
                .header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    void aTokenWithinTheRulesIsAccepted() {
        invalid()
                .auth()
                .oauth2(claims("rules-ok", "[\"reader\"]", "[\"*\"]", NOW, NOW + 600))
                .get("/priorities")
                .then()
                .statusCode(200);
    }

    @Test
    void aTokenWithoutExpIsRefused() {
        assertRefused(claims("rules-no-exp", "[\"reader\"]", "[\"*\"]", NOW, null));
    }

    @Test
    void aTokenWithoutIatIsRefused() {
        assertRefused(claims("rules-no-iat", "[\"reader\"]", "[\"*\"]", null, NOW + 600));
    }

    @Test
    void aTokenIssuedInTheFutureBeyondTheSkewIsRefused() {
        assertRefused(claims("rules-future", "[\"reader\"]", "[\"*\"]", NOW + 600, NOW + 1200));
    }

    @Test
    void aTokenOlderThanTheMaximumAgeIsRefusedEvenIfNotExpired() {
        assertRefused(claims("rules-old", "[\"reader\"]", "[\"*\"]", NOW - 2 * 86_400, NOW + 600));
    }

    @Test
    void oversizedClaimsAreRefused() {
        String manyMissions = "[" + String.join(",", Collections.nCopies(101, "\"MINUSCA\"")) + "]";
        assertRefused(claims("rules-missions", "[\"reader\"]", manyMissions, NOW, NOW + 600));
        String manyRoles =
                IntStream.range(0, 21)
                        .mapToObj(i -> "\"role" + i + "\"")
                        .collect(Collectors.joining(",", "[\"reader\",", "]"));
        assertRefused(claims("rules-roles", manyRoles, "[\"*\"]", NOW, NOW + 600));
        assertRefused(claims("s".repeat(256), "[\"reader\"]", "[\"*\"]", NOW, NOW + 600));
    }
}
