package dev.capflow.basket.grpc;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

/** The service with Redis pointing at a port where nothing listens: every Redis command fails at once. */
public class RedisDownProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(DeadRedis.class));
    }

    /** Points the Redis client at a port that was free a moment ago and is closed now. */
    public static class DeadRedis implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + socket.getLocalPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {
            // nothing was started
        }
    }
}
