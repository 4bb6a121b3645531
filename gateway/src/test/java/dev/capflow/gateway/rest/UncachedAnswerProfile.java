package dev.capflow.gateway.rest;

import dev.capflow.testsupport.PostgresRedisResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The gateway with its answer cache off, a real Redis for the rate limits, small read buckets, no anonymous reads. */
public class UncachedAnswerProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "capflow.gateway.answer-cache.enabled", "false",
                "capflow.gateway.rate-limit.read.capacity", "3",
                "capflow.gateway.rate-limit.read.refill-per-second", "0.05",
                // a busy CI machine must not turn a slow Redis answer into the local fallback mid-burst
                "capflow.gateway.rate-limit.redis-timeout", "1s",
                "capflow.gateway.security.anonymous-reads", "false");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresRedisResource.class, Map.of("redis-db", "7")));
    }
}
