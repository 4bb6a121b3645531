package dev.capflow.basket.grpc;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The service with an 8 s history-read deadline, for a hung read to end well before the caller's 20 s, yet late enough
 * that the other requests of the test reach ingest-service while it hangs, also on a loaded machine.
 */
public class ShortHistoryDeadlineProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("capflow.basket.ingest.history-deadline", "8s");
    }
}
