package dev.capflow.gateway.stream;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A read deadline long enough for a check held open by the test while every opener arrives on a busy machine. */
public class SharedCheckProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("capflow.gateway.ingest.read-deadline", "30s");
    }
}
