package dev.capflow.gateway.security;

import dev.capflow.testsupport.PostgresRedisResource;
import dev.capflow.testsupport.RedisProxyResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** Small buckets on a real Redis behind a proxy that tests can cut and restore. */
public class RateLimitProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "capflow.gateway.rate-limit.read.capacity", "3",
                "capflow.gateway.rate-limit.read.refill-per-second", "0.05",
                "capflow.gateway.rate-limit.write.capacity", "2",
                "capflow.gateway.rate-limit.write.refill-per-second", "0.05",
                "capflow.gateway.rate-limit.redis-retry-interval", "300ms",
                // a busy CI machine must not turn a slow Redis answer into the local fallback mid-burst
                "capflow.gateway.rate-limit.redis-timeout", "1s",
                "capflow.gateway.security.anonymous-reads", "true");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(PostgresRedisResource.class, Map.of("redis-db", "5")),
                new TestResourceEntry(RedisProxyResource.class));
    }
}
