package org.a4ptracker.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.util.KeyUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.a4ptracker.support.DevTokens;
import org.junit.jupiter.api.Test;

/** The cache of verified tokens never accepts what smallrye-jwt would refuse. */
class VerifiedTokensTest {

    private static VerifiedTokens tokens(int capacity) throws Exception {
        String key =
                Files.readAllLines(Path.of("src/main/resources/application.properties")).stream()
                        .filter(line -> line.startsWith("%test.mp.jwt.verify.publickey="))
                        .findFirst()
                        .orElseThrow()
                        .substring("%test.mp.jwt.verify.publickey=".length());
        JWTAuthContextInfo context =
                new JWTAuthContextInfo(KeyUtils.decodePublicKey(key), DevTokens.ISSUER);
        context.setClockSkew(0);
        return new VerifiedTokens(context, 86_400, capacity);
    }

    private static String token(String subject, long lifetimeSeconds) {
        return DevTokens.mint(subject, List.of("reader"), List.of("*"), lifetimeSeconds);
    }

    @Test
    void aTokenIsVerifiedOnceAndServedFromMemoryAfterwards() throws Exception {
        VerifiedTokens cache = tokens(10);
        String token = token("cached", 600);
        assertSame(cache.parse(token), cache.parse(token));
    }

    @Test
    void aCachedTokenIsRefusedOnceItExpires() throws Exception {
        VerifiedTokens cache = tokens(10);
        String token = token("short-lived", 2);
        assertEquals("short-lived", cache.parse(token).getName());
        Thread.sleep(3_000);
        assertThrows(ParseException.class, () -> cache.parse(token));
    }

    @Test
    void aForgedTokenIsRefusedEveryTime() throws Exception {
        VerifiedTokens cache = tokens(10);
        String good = token("forged", 600);
        cache.parse(good);
        String[] parts = good.split("\\.");
        char flipped = parts[2].charAt(10) == 'A' ? 'B' : 'A';
        String forged =
                parts[0]
                        + "."
                        + parts[1]
                        + "."
                        + parts[2].substring(0, 10)
                        + flipped
                        + parts[2].substring(11);
        assertThrows(ParseException.class, () -> cache.parse(forged));
        assertThrows(ParseException.class, () -> cache.parse(forged));
    }

    @Test
    void aFullCacheStillVerifiesNewTokens() throws Exception {
        VerifiedTokens cache = tokens(2);
        for (int i = 0; i < 5; i++) {
            assertEquals("full-" + i, cache.parse(token("full-" + i, 600)).getName());
        }
    }
}
