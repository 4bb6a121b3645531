package dev.capflow.basket.grpc;

import dev.capflow.testsupport.RedisProxyResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The service behind a Redis proxy that tests can cut and restore. */
public class RedisProxyProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RedisProxyResource.class));
    }
}
