package dev.capflow.ingest.grpc;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The service on a PostgreSQL pool of one connection with room for one waiting request, its scheduled jobs halted: the
 * minute-bar fold, the change relay and the partition job would otherwise take that one place in the queue at random
 * and turn the call a test expects to wait into a refused one.
 */
public class TinyPoolProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.reactive.max-size", "1",
                "capflow.ingest.pool.max-wait-queue", "1",
                "capflow.ingest.pool.acquire-timeout", "2s",
                "quarkus.scheduler.start-mode", "halted");
    }
}
