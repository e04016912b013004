package org.a4ptracker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules of "one shape for every feature" (README, "Where things are"), read from the sources so
 * that a change breaking one fails the build instead of waiting for a reviewer. Plain JUnit: no
 * Quarkus.
 */
class ShapeTest {

    private static final Path MAIN = Path.of("src/main/java/org/a4ptracker");
    private static final List<String> FEATURES =
            List.of("priority", "mission", "accountability", "partnership");

    /** The tables each feature owns; no other feature's SQL may name them (migrations aside). */
    private static final Map<String, List<String>> TABLES =
            Map.of(
                    "priority", List.of("priority", "indicator"),
                    "mission", List.of("mission", "assessment", "assessment_indicator_value"),
                    "accountability",
                            List.of(
                                    "accountability_case",
                                    "case_reference_counter",
                                    "case_statistics",
                                    "case_investigation_statistics",
                                    "case_final_action_statistics"),
                    "partnership",
                            List.of(
                                    "host_country_partnership",
                                    "partnership_commitment",
                                    "partnership_violation"),
                    "events",
                            List.of(
                                    "event",
                                    "event_purge",
                                    "webhook_subscription",
                                    "webhook_delivery"));

    @Test
    void resourcesAreHttpOnly() throws IOException {
        // The persistence classes by their file names (an API model may end in "Entity" too).
        List<String> persistence =
                sources(MAIN).stream()
                        .map(f -> f.getFileName().toString().replace(".java", ""))
                        .filter(
                                name ->
                                        name.endsWith("Entity")
                                                || name.endsWith("Repository")
                                                || name.endsWith("Queries"))
                        .toList();
        Pattern forbidden =
                Pattern.compile(
                        "\\b("
                                + String.join("|", persistence)
                                + ")\\b|@Transactional|EntityManager");
        List<String> offences = new ArrayList<>();
        for (Path file : sources(MAIN)) {
            if (file.getFileName().toString().endsWith("Resource.java")) {
                code(file)
                        .lines()
                        .filter(line -> forbidden.matcher(line).find())
                        .forEach(line -> offences.add(MAIN.relativize(file) + ": " + line.strip()));
            }
        }
        assertEquals(List.of(), offences);
    }

    @Test
    void noUntypedRows() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path file : sources(MAIN)) {
            if (code(file).contains("Object[]")) {
                offences.add(MAIN.relativize(file).toString());
            }
        }
        assertEquals(List.of(), offences);
    }

    @Test
    void platformKnowsNoFeatureAndStaysSmall() throws IOException {
        Pattern featureImport =
                Pattern.compile(
                        "import org\\.a4ptracker\\.(" + String.join("|", FEATURES) + ")\\.");
        List<String> offences = new ArrayList<>();
        for (Path file : sources(MAIN.resolve("platform"))) {
            String text = Files.readString(file);
            if (featureImport.matcher(text).find()) {
                offences.add(MAIN.relativize(file) + " imports a feature");
            }
            long lines = text.lines().count();
            if (lines > 250) {
                offences.add(MAIN.relativize(file) + " has " + lines + " lines");
            }
        }
        assertEquals(List.of(), offences);
    }

    @Test
    void noFeatureNamesAnotherFeaturesTable() throws IOException {
        List<String> offences = new ArrayList<>();
        for (String feature : FEATURES) {
            for (Path file : sources(MAIN.resolve(feature))) {
                String sql = sqlOf(code(file));
                TABLES.forEach(
                        (owner, tables) -> {
                            if (!owner.equals(feature)) {
                                for (String table : tables) {
                                    if (Pattern.compile(
                                                    "(?i)\\b(from|join|into|update)\\s+"
                                                            + table
                                                            + "\\b")
                                            .matcher(sql)
                                            .find()) {
                                        offences.add(
                                                MAIN.relativize(file)
                                                        + " names "
                                                        + owner
                                                        + "'s table "
                                                        + table);
                                    }
                                }
                            }
                        });
            }
        }
        assertEquals(List.of(), offences);
    }

    /** The text of string literals and text blocks, where SQL lives. */
    private static String sqlOf(String code) {
        StringBuilder sql = new StringBuilder();
        var literal =
                Pattern.compile("\"\"\"([\\s\\S]*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"")
                        .matcher(code);
        while (literal.find()) {
            sql.append(literal.group(1) != null ? literal.group(1) : literal.group(2)).append('\n');
        }
        return sql.toString();
    }

    /** The source without comments, so that a comment mentioning a rule does not break it. */
    private static String code(Path file) throws IOException {
        return Files.readString(file)
                .replaceAll("(?s)/\\*.*?\\*/", "")
                .replaceAll("(?m)^\\s*//.*$", "");
    }

    private static List<Path> sources(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
