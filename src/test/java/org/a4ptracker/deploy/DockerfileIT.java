package org.a4ptracker.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docker/Dockerfile against what `./mvnw package` really produces (target/quarkus-app). No Docker
 * engine runs here, so the image is never built; this is what can go wrong without one: a COPY of
 * something the package no longer makes, or a new part of the package that nobody copies. Every
 * entry of target/quarkus-app is either copied or named in the Dockerfile's "Not copied:" comment.
 */
class DockerfileIT {

    private static final Path DOCKERFILE = Path.of("docker/Dockerfile");
    private static final Path APP =
            Path.of(System.getProperty("a4p.it.jar", "target/quarkus-app/quarkus-run.jar"))
                    .getParent();
    private static final String PACKAGE = "target/quarkus-app/";

    private final List<String> lines;

    DockerfileIT() throws IOException {
        // One line per instruction: continuation lines joined.
        lines = List.of(Files.readString(DOCKERFILE).replace("\\\n", " ").split("\n"));
    }

    @Test
    void everyCopySourceExistsInThePackage() throws IOException {
        assertTrue(Files.isDirectory(APP.resolve("lib")), "package first: " + APP);
        List<String> sources = copySources();
        assertFalse(sources.isEmpty(), "no COPY of " + PACKAGE);
        for (String source : sources) {
            assertFalse(
                    matches(source).isEmpty(), "COPY " + source + ": the package has no such file");
        }
    }

    @Test
    void everyPartOfThePackageIsCopiedOrDeliberatelyLeftOut() throws IOException {
        Set<String> covered = new TreeSet<>();
        for (String source : copySources()) {
            covered.addAll(matches(source));
        }
        Set<String> leftOut = new TreeSet<>();
        StringBuilder note = new StringBuilder();
        boolean inNote = false;
        for (String line : lines) {
            inNote = line.startsWith("# Not copied:") || (inNote && line.startsWith("#"));
            if (inNote) {
                note.append(line).append(' ');
            }
        }
        Matcher named = Pattern.compile("([\\w.-]+\\.\\w+) \\(").matcher(note);
        while (named.find()) {
            leftOut.add(named.group(1));
        }
        List<String> uncovered = new ArrayList<>();
        try (Stream<Path> entries = Files.list(APP)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!covered.contains(name) && !leftOut.contains(name)) {
                    uncovered.add(name);
                }
            }
        }
        assertEquals(List.of(), uncovered, "parts of the package the image would miss");
        assertTrue(covered.contains("quarkus-run.jar"));
    }

    @Test
    void runsTheCopiedJarAsAnUnprivilegedUserWithAHealthCheck() {
        String user = instruction("USER").orElseThrow(() -> new AssertionError("no USER"));
        assertFalse(List.of("0", "root").contains(user.split(":")[0]), "runs as root: " + user);
        String entrypoint = instruction("ENTRYPOINT").orElseThrow();
        assertTrue(entrypoint.contains("/deployments/quarkus-run.jar"), entrypoint);
        assertTrue(instruction("HEALTHCHECK").orElseThrow().contains("/q/health/ready"));
        assertTrue(
                instruction("VOLUME").orElseThrow().contains("/tmp"),
                "a read-only root file system needs a writable /tmp");
    }

    /** The COPY sources under target/quarkus-app/, relative to it (a trailing / kept off). */
    private List<String> copySources() {
        List<String> sources = new ArrayList<>();
        for (String line : lines) {
            String[] words = line.trim().split("\\s+");
            if (words.length >= 3 && words[0].equals("COPY")) {
                for (int i = 1; i < words.length - 1; i++) {
                    if (words[i].startsWith(PACKAGE)) {
                        sources.add(words[i].substring(PACKAGE.length()).replaceAll("/$", ""));
                    }
                }
            }
        }
        return sources;
    }

    /** The top-level entries of the package that a COPY source names (it may be a glob). */
    private static Set<String> matches(String source) throws IOException {
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + source);
        Set<String> names = new TreeSet<>();
        try (Stream<Path> entries = Files.list(APP)) {
            entries.map(entry -> entry.getFileName())
                    .filter(glob::matches)
                    .forEach(name -> names.add(name.toString()));
        }
        return names;
    }

    private Optional<String> instruction(String keyword) {
        return lines.stream()
                .map(String::trim)
                .filter(line -> line.startsWith(keyword + " "))
                .map(line -> line.substring(keyword.length()).trim())
                .reduce((first, second) -> second);
    }
}
