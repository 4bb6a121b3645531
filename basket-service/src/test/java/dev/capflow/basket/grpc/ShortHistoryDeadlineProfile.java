package dev.capflow.basket.grpc;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The service with a 2 s history-read deadline, as short as its other ingest reads in tests, for a hung read to end. */
public class ShortHistoryDeadlineProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("capflow.basket.ingest.history-deadline", "2s");
    }
}
