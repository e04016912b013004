package org.a4ptracker.events;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.a4ptracker.platform.DaemonThreads;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where webhooks may be sent (server-side request forgery rules). A target is an absolute {@code
 * https} URL without user info whose host neither is nor resolves to an address inside the
 * deployment: loopback, private, shared (CGNAT), link-local (with the cloud metadata address),
 * unspecified, multicast or reserved, nor a name such as {@code localhost} or {@code
 * metadata.google.internal}. Hosts listed in {@code a4p.webhooks.allowed-hosts} are trusted as they
 * are, and may use {@code http}.
 *
 * <p>The rules are checked when a subscription is written and again before every delivery, after
 * resolving the name, so a name that later points inside is refused then.
 */
@ApplicationScoped
public class WebhookTargets {

    /** Blocks of IPv4 addresses no webhook may reach: address and prefix length. */
    private static final List<Block> REFUSED_V4 =
            List.of(
                    new Block("0.0.0.0", 8), // this network
                    new Block("10.0.0.0", 8), // private
                    new Block("100.64.0.0", 10), // shared address space (CGNAT)
                    new Block("127.0.0.0", 8), // loopback
                    new Block("169.254.0.0", 16), // link-local, cloud metadata 169.254.169.254
                    new Block("172.16.0.0", 12), // private
                    new Block("192.0.0.0", 24), // IETF protocol assignments
                    new Block("192.168.0.0", 16), // private
                    new Block("198.18.0.0", 15), // benchmarking
                    new Block("224.0.0.0", 4), // multicast
                    new Block("240.0.0.0", 4)); // reserved, broadcast

    /** Blocks of IPv6 addresses no webhook may reach (besides the IPv4 ones they embed). */
    private static final List<Block> REFUSED_V6 =
            List.of(
                    new Block("::", 128), // unspecified
                    new Block("::1", 128), // loopback
                    new Block("fc00::", 7), // unique local
                    new Block("fe80::", 10), // link-local
                    new Block("fec0::", 10), // site-local (deprecated)
                    new Block("ff00::", 8)); // multicast

    /** Names that lead inside whatever they resolve to. */
    private static final Set<String> REFUSED_NAMES =
            Set.of("localhost", "metadata", "metadata.google.internal", "instance-data");

    private static final List<String> REFUSED_SUFFIXES =
            List.of(".localhost", ".internal", ".local");

    private final Set<String> allowedHosts;
    private final Duration lookupTimeout;
    private final ExecutorService lookups =
            Executors.newCachedThreadPool(DaemonThreads.named("webhook-dns"));

    WebhookTargets(
            @ConfigProperty(name = "a4p.webhooks.allowed-hosts") Optional<List<String>> allowed,
            @ConfigProperty(name = "a4p.webhooks.connect-timeout") Duration lookupTimeout) {
        this.allowedHosts =
                allowed.orElse(List.of()).stream()
                        .map(String::trim)
                        .filter(h -> !h.isEmpty())
                        .map(WebhookTargets::normalise)
                        .collect(Collectors.toUnmodifiableSet());
        this.lookupTimeout = lookupTimeout;
    }

    /**
     * Why {@code url} may not receive webhooks, or empty when it may. Resolves the host name; a
     * name that does not resolve now is accepted here (it is checked again before every delivery).
     */
    public Optional<String> refusal(String url) {
        return refusal(url, false);
    }

    /**
     * Like {@link #refusal(URI)}, before a delivery: a name that does not resolve is refused too.
     */
    public Optional<String> refusalBeforeSending(String url) {
        return refusal(url, true);
    }

    private Optional<String> refusal(String text, boolean mustResolve) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        if (!url.isAbsolute() || url.isOpaque() || url.getHost() == null) {
            return Optional.of("must be an absolute http(s) URL with a host");
        }
        if (url.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        String host = normalise(url.getHost());
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        boolean allowed = allowedHosts.contains(host);
        if (!scheme.equals("https") && !(allowed && scheme.equals("http"))) {
            return Optional.of(
                    "must use https (http only for hosts in A4P_WEBHOOKS_ALLOWED_HOSTS)");
        }
        if (allowed) {
            return Optional.empty();
        }
        if (REFUSED_NAMES.contains(host) || REFUSED_SUFFIXES.stream().anyMatch(host::endsWith)) {
            return Optional.of("names a host inside this deployment (" + host + ")");
        }
        InetAddress[] addresses = resolve(host);
        if (addresses.length == 0) {
            return mustResolve
                    ? Optional.of("host " + host + " does not resolve")
                    : Optional.empty();
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                return Optional.of(
                        "resolves to "
                                + address.getHostAddress()
                                + ", a private, loopback, link-local or reserved address");
            }
        }
        return Optional.empty();
    }

    /** The host's addresses, none when it does not resolve within the connect timeout. */
    private InetAddress[] resolve(String host) {
        Future<InetAddress[]> lookup = lookups.submit(() -> InetAddress.getAllByName(host));
        try {
            return lookup.get(lookupTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            lookup.cancel(true);
            return new InetAddress[0];
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new InetAddress[0];
        }
    }

    @PreDestroy
    void stop() {
        lookups.shutdownNow();
    }

    /** Whether an address lies inside a deployment rather than on the public internet. */
    static boolean isInternal(InetAddress address) {
        if (address instanceof Inet4Address) {
            return REFUSED_V4.stream().anyMatch(b -> b.contains(address.getAddress()));
        }
        byte[] bytes = address.getAddress();
        Inet4Address embedded = embeddedV4((Inet6Address) address, bytes);
        if (embedded != null) {
            return isInternal(embedded);
        }
        return REFUSED_V6.stream().anyMatch(b -> b.contains(bytes));
    }

    /**
     * The IPv4 address an IPv6 one carries: IPv4-compatible ({@code ::a.b.c.d}), IPv4-mapped
     * ({@code ::ffff:a.b.c.d}) or NAT64 ({@code 64:ff9b::a.b.c.d}); null for any other.
     */
    private static Inet4Address embeddedV4(Inet6Address address, byte[] bytes) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= bytes[i] == 0;
        }
        boolean mapped = zeroPrefix && bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
        boolean compatible = address.isIPv4CompatibleAddress() && !isAllZeroOrOne(bytes);
        boolean nat64 =
                bytes[0] == 0
                        && bytes[1] == 0x64
                        && bytes[2] == (byte) 0xff
                        && bytes[3] == (byte) 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = bytes[i] == 0;
        }
        if (!mapped && !compatible && !nat64) {
            return null;
        }
        try {
            return (Inet4Address)
                    InetAddress.getByAddress(
                            new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    /** {@code ::} and {@code ::1}, which are IPv6's own, not embedded IPv4 addresses. */
    private static boolean isAllZeroOrOne(byte[] bytes) {
        for (int i = 0; i < 15; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[15] == 0 || bytes[15] == 1;
    }

    /** Lower case, without the brackets of an IPv6 literal and without a trailing dot. */
    private static String normalise(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    private record Block(byte[] network, int prefix) {
        Block(String network, int prefix) {
            this(parse(network), prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        private static byte[] parse(String literal) {
            try {
                return InetAddress.getByName(literal).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(literal, e);
            }
        }
    }
}
