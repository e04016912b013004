package org.a4ptracker.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.a4ptracker.support.Api;
import org.junit.jupiter.api.Test;

/**
 * The documented token command (README, "Try it"): bin/dev-token, run from another directory,
 * prints a token the service accepts, scoped as asked.
 */
@QuarkusTest
class DevTokenCommandTest {

    @Test
    void mintsAUsableTokenFromAnyDirectory() throws Exception {
        Path script = Path.of("bin/dev-token").toAbsolutePath();
        Process process =
                new ProcessBuilder(script.toString(), "--roles", "reader", "--missions", "MINUSCA")
                        .directory(Path.of(System.getProperty("java.io.tmpdir")).toFile())
                        .redirectErrorStream(true)
                        .start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "bin/dev-token did not finish");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        String token = output.strip();
        assertTrue(token.matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+"), "not a JWT: " + output);

        Api.anonymous().auth().oauth2(token).get("/missions/MINUSCA").then().statusCode(200);
        Api.anonymous().auth().oauth2(token).get("/missions/MONUSCO").then().statusCode(404);
    }
}
