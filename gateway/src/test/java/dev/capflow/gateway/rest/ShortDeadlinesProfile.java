package dev.capflow.gateway.rest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The gateway with short downstream deadlines, for the tests that wait a deadline out (the test profile's are generous,
 * so that a plain call on a loaded machine never ends in 504): 1 s for reads, 2 s for writes.
 */
public class ShortDeadlinesProfile implements QuarkusTestProfile {

    static final Map<String, String> SHORT_DEADLINES = Map.of(
            "capflow.gateway.ingest.read-deadline", "1s",
            "capflow.gateway.ingest.write-deadline", "2s",
            "capflow.gateway.basket.read-deadline", "1s",
            "capflow.gateway.basket.write-deadline", "2s",
            "capflow.gateway.exposure.read-deadline", "1s",
            "capflow.gateway.exposure.write-deadline", "2s");

    @Override
    public Map<String, String> getConfigOverrides() {
        return SHORT_DEADLINES;
    }
}
