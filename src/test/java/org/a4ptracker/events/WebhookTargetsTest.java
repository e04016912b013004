package org.a4ptracker.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SSRF rules for webhook URLs, as a deployment without trusted hosts applies them. */
class WebhookTargetsTest {

    private final WebhookTargets strict =
            new WebhookTargets(Optional.empty(), Duration.ofSeconds(2));
    private final WebhookTargets trusting =
            new WebhookTargets(
                    Optional.of(List.of(" 127.0.0.1", "Hooks.Internal ")), Duration.ofSeconds(2));

    private static void refused(WebhookTargets targets, String url, String why) {
        Optional<String> refusal = targets.refusal(url);
        assertTrue(refusal.isPresent(), url + " is accepted");
        assertTrue(refusal.get().contains(why), url + ": " + refusal.get());
    }

    @Test
    void refusesPlainHttpUserInfoAndRelativeUrls() {
        refused(strict, "http://10.0.0.5/hook", "https");
        refused(strict, "http://dashboards.example.org/hook", "https");
        refused(strict, "ftp://dashboards.example.org/hook", "https");
        refused(strict, "https://user:secret@dashboards.example.org/hook", "user name");
        refused(strict, "/webhooks", "absolute");
        refused(strict, "mailto:ops@example.org", "absolute");
        refused(strict, "https://dash boards.example.org/", "not a URL");
    }

    @Test
    void refusesAddressesInsideTheDeployment() {
        for (String url :
                List.of(
                        "https://10.0.0.5/hook",
                        "https://172.16.3.4/",
                        "https://172.31.255.255/",
                        "https://192.168.1.1/",
                        "https://127.0.0.1/",
                        "https://127.9.9.9:8443/",
                        "https://169.254.169.254/latest/meta-data/",
                        "https://100.64.0.1/",
                        "https://0.0.0.0/",
                        "https://224.0.0.1/",
                        "https://255.255.255.255/",
                        "https://2130706433/", // 127.0.0.1 as one number
                        "https://[::1]/",
                        "https://[::]/",
                        "https://[fe80::1]/",
                        "https://[fd12:3456::1]/",
                        "https://[ff02::1]/",
                        "https://[::ffff:10.0.0.1]/", // IPv4-mapped
                        "https://[::ffff:a9fe:a9fe]/", // 169.254.169.254, mapped, in hex
                        "https://[64:ff9b::a00:1]/")) { // NAT64 of 10.0.0.1
            refused(strict, url, "resolves to");
        }
    }

    @Test
    void refusesNamesThatLeadInside() {
        refused(strict, "https://localhost/hook", "inside");
        refused(strict, "https://LOCALHOST./hook", "inside");
        refused(strict, "https://api.localhost/hook", "inside");
        refused(strict, "https://metadata.google.internal/computeMetadata/v1/", "inside");
        refused(strict, "https://printer.local/", "inside");
    }

    @Test
    void acceptsPublicAddressesAndNamesNotYetResolvable() {
        assertEquals(Optional.empty(), strict.refusal(("https://93.184.216.34/hook")));
        assertEquals(Optional.empty(), strict.refusal(("https://172.32.0.1/hook")));
        assertEquals(Optional.empty(), strict.refusal(("https://[2606:4700::1111]/")));
        // Not resolvable here: accepted when subscribing, refused when sending until it resolves.
        String unknown = ("https://hooks.invalid/a4p");
        assertEquals(Optional.empty(), strict.refusal(unknown));
        assertTrue(strict.refusalBeforeSending(unknown).orElseThrow().contains("does not resolve"));
    }

    @Test
    void trustedHostsMayUseHttpAndPrivateAddresses() {
        assertEquals(Optional.empty(), trusting.refusal(("http://127.0.0.1:8080/hook")));
        assertEquals(Optional.empty(), trusting.refusalBeforeSending(("https://hooks.internal/x")));
        refused(trusting, "http://127.0.0.2/hook", "https");
        refused(trusting, "https://localhost/hook", "inside");
    }
}
