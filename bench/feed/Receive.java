import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver for bench/feed.sh, as a consumer's service would run one: verifies each
 * delivery's Standard Webhooks signature, answers 204, and records how long the event took from its
 * {@code time} (set when the writing transaction inserted it) to arriving here. Prints p50, p99 and
 * max after SECONDS, counting only events of the measured load (from its start, given as the first
 * line on standard input: an epoch time in seconds). Usage: java Receive.java PORT SECRET SECONDS
 */
public class Receive {
    private static final Pattern TIME = Pattern.compile("\"time\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        byte[] key = Base64.getDecoder().decode(args[1].substring("whsec_".length()));
        long seconds = (long) Double.parseDouble(args[2]);
        double start =
                Double.parseDouble(
                        new BufferedReader(new InputStreamReader(System.in)).readLine().trim());
        List<Double> delays = new ArrayList<>();
        int[] bad = {0};
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.createContext(
                "/",
                exchange -> {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    double now = System.currentTimeMillis() / 1000.0;
                    var headers = exchange.getRequestHeaders();
                    String signed =
                            headers.getFirst("webhook-id")
                                    + "."
                                    + headers.getFirst("webhook-timestamp")
                                    + ".";
                    boolean valid;
                    try {
                        Mac mac = Mac.getInstance("HmacSHA256");
                        mac.init(new SecretKeySpec(key, "HmacSHA256"));
                        mac.update(signed.getBytes(StandardCharsets.UTF_8));
                        String expected =
                                "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
                        valid =
                                List.of(headers.getFirst("webhook-signature").split(" "))
                                        .contains(expected);
                    } catch (Exception e) {
                        valid = false;
                    }
                    Matcher time = TIME.matcher(new String(body, StandardCharsets.UTF_8));
                    double sent =
                            time.find() ? Instant.parse(time.group(1)).toEpochMilli() / 1000.0 : 0;
                    synchronized (delays) {
                        if (!valid) {
                            bad[0]++;
                        } else if (sent >= start) {
                            delays.add(now - sent);
                        }
                    }
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        Thread.sleep(seconds * 1000);
        server.stop(0);
        List<Double> sorted;
        synchronized (delays) {
            sorted = new ArrayList<>(delays);
        }
        sorted.sort(null);
        System.out.printf(
                "%d deliveries (%d with a bad signature); commit-to-receiver delay p50 %.0f ms, p99"
                        + " %.0f ms, max %.0f ms%n",
                sorted.size(), bad[0], pick(sorted, 0.5), pick(sorted, 0.99), pick(sorted, 1.0));
        System.exit(0);
    }

    private static double pick(List<Double> sorted, double q) {
        return sorted.isEmpty()
                ? Double.NaN
                : sorted.get(Math.min(sorted.size() - 1, (int) (q * sorted.size()))) * 1000;
    }
}
