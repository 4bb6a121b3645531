package dev.capflow.basket.grpc;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The service with Redis pointing at a port where nothing listens: every Redis command fails at once. */
public class RedisDownProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(DeadRedis.class));
    }

    /**
     * Points the Redis client at port 1, where nothing listens. (A port found free and closed again could be bound
     * meanwhile, by this very test's servers on their random ports among others.)
     */
    public static class DeadRedis implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:1");
        }

        @Override
        public void stop() {
            // nothing was started
        }
    }
}
