import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * A bounded contract fuzz run against a running service (see bench/README.md): for every operation
 * of openapi.yaml it sends the contract's own examples and a seeded stream of mutations of them
 * (members removed, nulled, retyped, oversized, unknown members added, boundary numbers, odd
 * path and query values, wrong media types, no or bad token), and checks every answer:
 * no 5xx, and the status, headers and body match what the contract declares for the operation
 * (the same swagger-request-validator the tests use).
 *
 * Usage: java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp CLASSPATH bench/ContractFuzz.java BASE_URL TOKEN_FILE [ROUNDS] [SEED]
 */
public class ContractFuzz {

    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = Files.readString(Path.of(args[1])).trim();
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Random random = new Random(args.length > 3 ? Long.parseLong(args[3]) : 42);
        String spec = Files.readString(Path.of("openapi.yaml"));
        JsonNode contract = new YAMLMapper().readTree(spec);
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec).build();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Fuzz fuzz = new Fuzz(contract, random);

        int sent = 0;
        Map<String, Integer> statuses = new TreeMap<>();
        Map<String, List<String>> findings = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                for (int round = 0; round < rounds; round++) {
                    Fuzz.Call call = fuzz.call(path.getKey(), method, op, round);
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + call.uri()))
                            .timeout(Duration.ofSeconds(10))
                            .method(method.toUpperCase(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(call.body()));
                    call.headers().forEach(request::header);
                    if (call.auth() != null) {
                        request.header("Authorization", call.auth().equals("good") ? "Bearer " + token : call.auth());
                    }
                    HttpResponse<String> response;
                    try {
                        response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    } catch (Exception e) {
                        findings.computeIfAbsent("no answer", k -> new ArrayList<>()).add(call.describe(method) + ": " + e);
                        continue;
                    }
                    sent++;
                    statuses.merge(response.statusCode() / 100 + "xx " + response.statusCode(), 1, Integer::sum);
                    String where = call.describe(method) + " -> " + response.statusCode();
                    if (response.statusCode() >= 500) {
                        findings.computeIfAbsent("server error", k -> new ArrayList<>()).add(where + " " + abbreviate(response.body()));
                    }
                    SimpleResponse.Builder answer = new SimpleResponse.Builder(response.statusCode()).withBody(response.body());
                    response.headers().map().forEach((name, values) -> answer.withHeader(name, values));
                    ValidationReport report = validator.validateResponse(call.uriPath(), Request.Method.valueOf(method.toUpperCase()),
                            answer.build());
                    for (ValidationReport.Message m : report.getMessages()) {
                        if (m.getLevel() == ValidationReport.Level.ERROR) {
                            findings.computeIfAbsent("contract mismatch: " + m.getKey(), k -> new ArrayList<>())
                                    .add(where + ": " + m.getMessage() + " " + abbreviate(response.body()));
                        }
                    }
                }
            }
        }
        System.out.println("requests sent: " + sent + " (" + rounds + " per operation)");
        statuses.forEach((status, count) -> System.out.println("  " + status + ": " + count));
        if (findings.isEmpty()) {
            System.out.println("findings: none (no 5xx, every answer matches the contract)");
            return;
        }
        findings.forEach((kind, list) -> {
            System.out.println("FINDING " + kind + " (" + list.size() + ")");
            list.stream().limit(8).forEach(f -> System.out.println("  " + f));
        });
        System.exit(1);
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    /** Generates one request per (operation, round): round 0 is the example itself, the rest mutate it. */
    static final class Fuzz {
        record Call(String uriPath, String uri, String body, Map<String, String> headers, String auth, String mutation) {
            String describe(String method) {
                return method.toUpperCase() + " " + uri + " [" + mutation + "]" + (body == null ? "" : " " + abbreviate(body));
            }
        }

        final JsonNode contract;
        final Random random;

        Fuzz(JsonNode contract, Random random) {
            this.contract = contract;
            this.random = random;
        }

        JsonNode resolve(JsonNode node) {
            JsonNode ref = node == null ? null : node.get("$ref");
            if (ref == null) {
                return node;
            }
            JsonNode target = contract;
            for (String part : ref.asText().substring(2).split("/")) {
                target = target.get(part);
            }
            return resolve(target);
        }

        Call call(String template, String method, JsonNode op, int round) {
            List<String> mutations = new ArrayList<>();
            String path = template;
            StringBuilder query = new StringBuilder();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Accept", "application/json, application/problem+json");
            for (JsonNode p : op.path("parameters")) {
                JsonNode parameter = resolve(p);
                String name = parameter.get("name").asText();
                String in = parameter.get("in").asText();
                String value = parameter.has("example") ? parameter.get("example").asText() : null;
                if (round > 0 && random.nextInt(4) == 0) {
                    value = odd(parameter.get("schema"));
                    if (in.equals("path") && value.isEmpty()) {
                        value = " "; // an empty segment would address another resource (and answer 405 or 404 there)
                    }
                    mutations.add(in + " " + name + "=" + value);
                } else if (value == null && in.equals("query") && random.nextBoolean()) {
                    value = sample(resolve(parameter.get("schema")), 0).asText();
                }
                if (value == null) {
                    continue;
                }
                switch (in) {
                    case "path" -> path = path.replace("{" + name + "}", encode(value));
                    case "query" -> query.append(query.length() == 0 ? "?" : "&").append(name).append('=').append(encode(value));
                    case "header" -> {
                        if (name.equals("If-Match")) {
                            value = round % 3 == 0 ? "*" : value;
                        }
                        headers.put(name, value.replaceAll("[^\\x20-\\x7e]", "?"));
                    }
                    default -> {
                    }
                }
            }
            String body = null;
            JsonNode content = op.path("requestBody").get("content");
            if (content != null) {
                Map.Entry<String, JsonNode> media = content.fields().next();
                headers.put("Content-Type", media.getKey());
                JsonNode examples = media.getValue().get("examples");
                List<JsonNode> values = new ArrayList<>();
                examples.forEach(e -> values.add(resolve(e).get("value")));
                JsonNode value = values.get(random.nextInt(values.size())).deepCopy();
                if (round > 0) {
                    value = mutate(value, resolve(media.getValue().get("schema")), mutations);
                }
                body = value.toString();
                if (round > 0 && random.nextInt(10) == 0) {
                    mutations.add("content-type text/plain");
                    headers.put("Content-Type", "text/plain");
                }
            }
            String auth = "good";
            if (round > 0 && random.nextInt(12) == 0) {
                auth = random.nextBoolean() ? null : "Bearer not.a.token";
                mutations.add(auth == null ? "no token" : "bad token");
            }
            if (round > 0 && random.nextInt(15) == 0) {
                headers.put("Accept", "application/xml");
                mutations.add("accept xml");
            }
            return new Call(path, path + query, body, headers, auth, mutations.isEmpty() ? "example" : String.join("; ", mutations));
        }

        static String encode(String s) {
            return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
        }

        String odd(JsonNode schema) {
            List<String> odd = List.of("", "0", "-1", "2147483648", "1.5", "true", "null", "x".repeat(600), "%00", "é€😀",
                    "00000000-0000-0000-0000-000000000000", "not-a-uuid", "9999-99-99", "2024-13-01", "'; DROP TABLE mission; --",
                    "../../etc/passwd", "MINUSCA", "P9", "2024-Q5");
            return odd.get(random.nextInt(odd.size()));
        }

        /** A value of the schema's type: the first enum value, a boundary number, a short string. */
        JsonNode sample(JsonNode schema, int depth) {
            schema = resolve(schema);
            if (schema == null) {
                return F.textNode("x");
            }
            if (schema.has("enum")) {
                JsonNode e = schema.get("enum");
                return e.get(random.nextInt(e.size()));
            }
            String type = schema.path("type").asText("object");
            return switch (type) {
                case "integer" -> F.numberNode(schema.has("maximum") && random.nextBoolean() ? schema.get("maximum").asLong()
                        : schema.path("minimum").asLong(1));
                case "number" -> F.numberNode(schema.has("maximum") ? schema.get("maximum").decimalValue() : java.math.BigDecimal.ONE);
                case "boolean" -> F.booleanNode(random.nextBoolean());
                case "array" -> {
                    ArrayNode a = F.arrayNode();
                    if (depth < 3) {
                        a.add(sample(schema.get("items"), depth + 1));
                    }
                    yield a;
                }
                case "string" -> F.textNode(switch (schema.path("format").asText()) {
                    case "date" -> "2024-01-01";
                    case "date-time" -> "2024-01-01T00:00:00Z";
                    case "uuid" -> "d0000000-0000-4000-8000-000000000301";
                    default -> schema.has("example") ? schema.get("example").asText() : "text";
                });
                default -> {
                    ObjectNode o = F.objectNode();
                    if (depth < 3) {
                        schema.path("properties").fields().forEachRemaining(p -> o.set(p.getKey(), sample(p.getValue(), depth + 1)));
                    }
                    yield o;
                }
            };
        }

        /** One to three random edits somewhere in the tree. */
        JsonNode mutate(JsonNode value, JsonNode schema, List<String> mutations) {
            int edits = 1 + random.nextInt(3);
            for (int i = 0; i < edits; i++) {
                List<String> pointers = new ArrayList<>();
                collect(value, "", pointers);
                String pointer = pointers.get(random.nextInt(pointers.size()));
                JsonNode target = pointer.isEmpty() ? value : value.at(pointer);
                int kind = random.nextInt(11);
                String parentPointer = pointer.isEmpty() ? null : pointer.substring(0, pointer.lastIndexOf('/'));
                String last = pointer.isEmpty() ? null : pointer.substring(pointer.lastIndexOf('/') + 1);
                JsonNode parent = parentPointer == null ? null : parentPointer.isEmpty() ? value : value.at(parentPointer);
                JsonNode replacement = switch (kind) {
                    case 0 -> F.nullNode();
                    case 1 -> F.textNode("x".repeat(random.nextBoolean() ? 301 : 5000));
                    case 2 -> F.numberNode(random.nextBoolean() ? -1 : 2147483648L);
                    case 3 -> F.numberNode(1.5);
                    case 4 -> F.booleanNode(true);
                    case 5 -> F.arrayNode().add(F.nullNode());
                    case 6 -> F.objectNode();
                    case 7 -> F.textNode("9999-12-31");
                    case 8 -> F.textNode("é€😀\u0000");
                    default -> null;
                };
                if (kind == 9 && target.isObject()) {
                    ((ObjectNode) target).put("unexpected_member", 1);
                    mutations.add("add " + pointer + "/unexpected_member");
                } else if (kind == 10 && parent != null) {
                    if (parent.isObject()) {
                        ((ObjectNode) parent).remove(last);
                    } else {
                        ((ArrayNode) parent).remove(Integer.parseInt(last));
                    }
                    mutations.add("remove " + pointer);
                } else if (replacement != null && parent != null) {
                    if (parent.isObject()) {
                        ((ObjectNode) parent).set(last, replacement);
                    } else {
                        ((ArrayNode) parent).set(Integer.parseInt(last), replacement);
                    }
                    mutations.add("set " + pointer + "=" + abbreviate(replacement.toString()).substring(0, Math.min(20, replacement.toString().length())));
                } else if (parent == null && replacement != null) {
                    mutations.add("body=" + replacement);
                    return replacement;
                }
            }
            return value;
        }

        static void collect(JsonNode node, String pointer, List<String> out) {
            out.add(pointer);
            if (node.isObject()) {
                node.fields().forEachRemaining(f -> collect(f.getValue(), pointer + "/" + f.getKey(), out));
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    collect(node.get(i), pointer + "/" + i, out);
                }
            }
        }
    }
}
