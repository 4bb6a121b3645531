package dev.capflow.basket.grpc;

import dev.capflow.testsupport.RedisProxyResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The service behind a Redis proxy that tests can cut and restore, with the production Redis timeout (the test profile
 * makes it generous) so that a cut Redis is given up on as quickly as in production.
 */
public class RedisProxyProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("capflow.basket.redis.timeout", "300ms");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RedisProxyResource.class));
    }
}
