package org.a4ptracker.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The service as started with {@code A4P_DEMO_DATA=true}: the records the contract's examples name.
 */
public class DemoDataProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("a4p.demo-data", "true");
    }
}
