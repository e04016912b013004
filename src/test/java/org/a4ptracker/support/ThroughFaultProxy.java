package org.a4ptracker.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The service reaches its database through a {@link FaultProxy}, and statistics run under a short
 * statement timeout (so that a test can make it fire without waiting 10 s).
 */
public class ThroughFaultProxy implements QuarkusTestProfile {

    public static final long STATISTICS_TIMEOUT_MS = 500;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("a4p.statistics.statement-timeout", STATISTICS_TIMEOUT_MS + "ms");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FaultProxyResource.class));
    }
}
