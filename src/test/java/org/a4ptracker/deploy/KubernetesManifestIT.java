package org.a4ptracker.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The manifests that `./mvnw package` generates (target/kubernetes/kubernetes.yml), as a platform
 * would apply them next to deploy/: stateless replicas with probes on the health endpoints, bounded
 * resources, credentials only from Secrets, a termination that leaves room for the drain, a
 * disruption budget and an autoscaler; and they name the Secret, Service, database and ConfigMap
 * that deploy/ creates.
 */
class KubernetesManifestIT {

    private static final Path GENERATED = Path.of("target/kubernetes/kubernetes.yml");
    private static final String NAME = "a4p-tracker";

    private final List<JsonNode> resources = read(GENERATED);
    private final JsonNode deployment = resource(resources, "Deployment", NAME);
    private final JsonNode pod = deployment.at("/spec/template/spec");
    private final JsonNode container = pod.at("/containers/0");

    @Test
    void twoReplicasOfOneContainer() {
        assertEquals(2, deployment.at("/spec/replicas").asInt());
        assertEquals(1, pod.path("containers").size());
        assertEquals(NAME, container.path("name").asText());
        assertEquals(8080, container.at("/ports/0/containerPort").asInt());
    }

    @Test
    void probesOnTheHealthEndpoints() {
        Map<String, String> probes =
                Map.of(
                        "startupProbe", "/q/health/started",
                        "readinessProbe", "/q/health/ready",
                        "livenessProbe", "/q/health/live");
        probes.forEach(
                (probe, path) -> {
                    JsonNode http = container.path(probe).path("httpGet");
                    assertEquals(path, http.path("path").asText(), probe);
                    assertEquals(8080, http.path("port").asInt(), probe);
                });
        // Readiness answers within 1.5 s (a4p.readiness.database-timeout): its probe waits longer.
        assertTrue(container.at("/readinessProbe/timeoutSeconds").asInt() >= 2);
    }

    @Test
    void requestsAndLimits() {
        for (String kind : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                assertFalse(
                        container.at("/resources/" + kind + "/" + resource).asText().isEmpty(),
                        kind + " " + resource);
            }
        }
    }

    @Test
    void credentialsComeFromSecretsOnly() {
        Map<String, String> fromSecrets =
                Map.of(
                        "QUARKUS_DATASOURCE_USERNAME", "a4p-db-app",
                        "QUARKUS_DATASOURCE_PASSWORD", "a4p-db-app",
                        "MP_JWT_VERIFY_PUBLICKEY", "a4p-tracker-jwt");
        fromSecrets.forEach(
                (variable, secret) -> {
                    JsonNode env = env(variable);
                    assertFalse(env.has("value"), variable + " has a literal value");
                    assertEquals(secret, env.at("/valueFrom/secretKeyRef/name").asText(), variable);
                });
        for (JsonNode env : container.path("env")) {
            String name = env.path("name").asText();
            assertFalse(
                    name.contains("PASSWORD") && env.has("value"), name + " has a literal value");
            assertFalse(env.path("value").asText().contains("MIIB"), name + " carries a key");
        }
        assertEquals("a4p-tracker-config", container.at("/envFrom/0/configMapRef/name").asText());
    }

    @Test
    void terminationLeavesRoomForThePauseAndTheDrain() throws IOException {
        Properties config = new Properties();
        try (Reader in =
                Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            config.load(in);
        }
        Duration delay = Duration.parse("PT" + config.getProperty("quarkus.shutdown.delay"));
        Duration timeout = Duration.parse("PT" + config.getProperty("quarkus.shutdown.timeout"));
        JsonNode preStop = container.at("/lifecycle/preStop/exec/command");
        assertEquals("sleep", preStop.path(0).asText(), "a preStop pause: " + preStop);
        Duration pause = Duration.ofSeconds(preStop.path(1).asLong());
        assertTrue(pause.toSeconds() > 0);
        long grace = pod.path("terminationGracePeriodSeconds").asLong();
        assertTrue(
                grace > pause.plus(delay).plus(timeout).toSeconds(),
                "terminationGracePeriodSeconds "
                        + grace
                        + " must exceed the pause, the delay and the drain: "
                        + pause.plus(delay).plus(timeout));
    }

    @Test
    void unprivilegedOnAReadOnlyRootFileSystem() {
        assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean());
        assertTrue(container.at("/securityContext/readOnlyRootFilesystem").asBoolean());
        assertFalse(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true));
        assertEquals("/tmp", container.at("/volumeMounts/0/mountPath").asText());
        assertTrue(pod.at("/volumes/0").has("emptyDir"));
    }

    @Test
    void aDisruptionBudgetKeepsOnePodUp() {
        JsonNode budget = resource(resources, "PodDisruptionBudget", NAME);
        assertEquals(1, budget.at("/spec/minAvailable").asInt());
        assertSelects(budget.at("/spec/selector/matchLabels"));
    }

    @Test
    void theAutoscalerScalesTheDeploymentOnCpu() {
        JsonNode autoscaler = resource(resources, "HorizontalPodAutoscaler", NAME);
        assertEquals("Deployment", autoscaler.at("/spec/scaleTargetRef/kind").asText());
        assertEquals(NAME, autoscaler.at("/spec/scaleTargetRef/name").asText());
        assertTrue(autoscaler.at("/spec/minReplicas").asInt() >= 2);
        assertTrue(
                autoscaler.at("/spec/maxReplicas").asInt()
                        > autoscaler.at("/spec/minReplicas").asInt());
        assertEquals("cpu", autoscaler.at("/spec/metrics/0/resource/name").asText());
        assertTrue(container.at("/resources/requests/cpu").isTextual(), "CPU use needs a request");
    }

    @Test
    void theServiceSelectsThePods() {
        JsonNode service = resource(resources, "Service", NAME);
        assertEquals(8080, service.at("/spec/ports/0/targetPort").asInt());
        assertSelects(service.at("/spec/selector"));
        assertSelects(deployment.at("/spec/selector/matchLabels"));
    }

    @Test
    void onlyWhatAPlainClusterKnows() {
        List<String> kinds = resources.stream().map(r -> r.path("kind").asText()).toList();
        assertEquals(
                List.of(),
                kinds.stream()
                        .filter(
                                kind ->
                                        !List.of(
                                                        "Deployment",
                                                        "Service",
                                                        "PodDisruptionBudget",
                                                        "HorizontalPodAutoscaler")
                                                .contains(kind))
                        .toList(),
                "resources that need an operator, a migration job or extra RBAC");
    }

    @Test
    void deployCreatesWhatTheDeploymentNames() {
        JsonNode cluster = resource(read(Path.of("deploy/postgres-cluster.yaml")), "Cluster", null);
        String clusterName = cluster.at("/metadata/name").asText();
        String database = cluster.at("/spec/bootstrap/initdb/database").asText();
        // CloudNativePG names the owner's Secret <cluster>-app and the primary's Service
        // <cluster>-rw.
        assertEquals(
                clusterName + "-app",
                env("QUARKUS_DATASOURCE_PASSWORD").at("/valueFrom/secretKeyRef/name").asText());
        assertEquals(
                "jdbc:postgresql://" + clusterName + "-rw:5432/" + database,
                env("QUARKUS_DATASOURCE_JDBC_URL").path("value").asText());
        JsonNode config = resource(read(Path.of("deploy/config.yaml")), "ConfigMap", null);
        assertEquals(
                container.at("/envFrom/0/configMapRef/name").asText(),
                config.at("/metadata/name").asText());
    }

    private void assertSelects(JsonNode selector) {
        JsonNode labels = deployment.at("/spec/template/metadata/labels");
        assertTrue(selector.size() > 0, "an empty selector");
        selector.fields()
                .forEachRemaining(
                        label ->
                                assertEquals(
                                        label.getValue().asText(),
                                        labels.path(label.getKey()).asText(),
                                        "pod label " + label.getKey()));
        assertFalse(
                selector.has("app.kubernetes.io/version"),
                "a selector with the version cannot survive an upgrade");
    }

    private JsonNode env(String name) {
        for (JsonNode env : container.path("env")) {
            if (name.equals(env.path("name").asText())) {
                return env;
            }
        }
        throw new AssertionError("no " + name + " in " + container.path("env"));
    }

    private static JsonNode resource(List<JsonNode> resources, String kind, String name) {
        return resources.stream()
                .filter(r -> kind.equals(r.path("kind").asText()))
                .filter(r -> name == null || name.equals(r.at("/metadata/name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static List<JsonNode> read(Path file) {
        assertTrue(Files.isRegularFile(file), "package first: " + file + " is missing");
        List<JsonNode> documents = new ArrayList<>();
        YAMLMapper yaml = new YAMLMapper();
        try (Reader in = Files.newBufferedReader(file)) {
            Iterator<JsonNode> all = yaml.readerFor(JsonNode.class).readValues(in);
            all.forEachRemaining(
                    document -> {
                        if (document != null && !document.isEmpty()) {
                            documents.add(document);
                        }
                    });
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
        return documents;
    }
}
