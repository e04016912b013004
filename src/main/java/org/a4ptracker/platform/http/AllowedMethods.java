package org.a4ptracker.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The methods each path supports, read from the contract that the service implements and serves
 * ({@code META-INF/openapi.yaml}). Quarkus REST rejects a wrong method with a 405 but without the
 * {@code Allow} header that RFC 9110 §15.5.6 requires; {@link HttpProblems} adds it from here.
 */
final class AllowedMethods {

    private static final Set<String> HTTP_METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Map<Pattern, String> BY_PATH = load();

    private AllowedMethods() {}

    /**
     * The {@code Allow} value for a request path, or {@code null} when the contract has no such
     * path.
     */
    static String forPath(String path) {
        String normalized =
                path.length() > 1 && path.endsWith("/")
                        ? path.substring(0, path.length() - 1)
                        : path;
        for (Map.Entry<Pattern, String> entry : BY_PATH.entrySet()) {
            if (entry.getKey().matcher(normalized).matches()) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static Map<Pattern, String> load() {
        Map<Pattern, String> byPath = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = Contract.TREE.path("paths").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            List<String> methods = new ArrayList<>();
            path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                            name -> {
                                if (HTTP_METHODS.contains(name)) {
                                    methods.add(name.toUpperCase(Locale.ROOT));
                                }
                            });
            byPath.put(template(path.getKey()), String.join(", ", methods));
        }
        return byPath;
    }

    private static Pattern template(String path) {
        StringBuilder regex = new StringBuilder();
        for (String part : path.split("(?=\\{)|(?<=\\})")) {
            regex.append(
                    part.startsWith("{") && part.endsWith("}") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
