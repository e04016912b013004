package org.a4ptracker.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Mints bearer tokens signed with the development key pair, which is NOT FOR PRODUCTION: its
 * private half is in this repository. The tests use it, and so can a developer, from the repository
 * root, with nothing but a JDK:
 *
 * <pre>
 * java src/test/java/org/a4ptracker/support/DevTokens.java --roles reader,editor --missions MINUSCA,MONUSCO
 * </pre>
 *
 * Options: {@code --roles} (reader, editor, conduct_officer, admin; default reader), {@code
 * --missions} (acronyms, or * for all; default *), {@code --subject} (default dev-user), {@code
 * --minutes} (lifetime, default 60). Kept free of dependencies so that it runs as a single source
 * file.
 */
public final class DevTokens {

    public static final String ISSUER = "https://a4p-tracker.example/dev";
    private static final String KEY_RESOURCE = "dev-jwt/NOT-FOR-PRODUCTION-private-key.pem";
    private static final Path KEY_FILE = Path.of("src/test/resources", KEY_RESOURCE);

    private DevTokens() {}

    public static void main(String[] args) throws Exception {
        List<String> roles = List.of("reader");
        List<String> missions = List.of("*");
        String subject = "dev-user";
        long minutes = 60;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--roles" -> roles = List.of(args[i + 1].split(","));
                case "--missions" -> missions = List.of(args[i + 1].split(","));
                case "--subject" -> subject = args[i + 1];
                case "--minutes" -> minutes = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        System.out.println(mint(subject, roles, missions, minutes * 60));
    }

    public static String mint(
            String subject, List<String> roles, List<String> missions, long lifetimeSeconds) {
        long now = Instant.now().getEpochSecond();
        String claims =
                "{\"iss\":"
                        + quote(ISSUER)
                        + ",\"sub\":"
                        + quote(subject)
                        + ",\"upn\":"
                        + quote(subject)
                        + ",\"jti\":"
                        + quote(UUID.randomUUID().toString())
                        + ",\"groups\":"
                        + array(roles)
                        + ",\"missions\":"
                        + array(missions)
                        + ",\"iat\":"
                        + now
                        + ",\"exp\":"
                        + (now + lifetimeSeconds)
                        + "}";
        return sign(claims);
    }

    /** Signs any claims (a JSON object) with the development key, for tests of token rules. */
    public static String sign(String claimsJson) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String signingInput =
                base64(header.getBytes(StandardCharsets.UTF_8))
                        + "."
                        + base64(claimsJson.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64(rsa.sign());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot sign the development token", e);
        }
    }

    private static PrivateKey privateKey() throws IOException, GeneralSecurityException {
        String pem;
        try (InputStream in =
                DevTokens.class.getClassLoader() == null
                        ? null
                        : DevTokens.class.getClassLoader().getResourceAsStream(KEY_RESOURCE)) {
            pem =
                    in != null
                            ? new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                            : Files.readString(KEY_FILE);
        }
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String array(List<String> values) {
        return values.stream().map(DevTokens::quote).collect(Collectors.joining(",", "[", "]"));
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
