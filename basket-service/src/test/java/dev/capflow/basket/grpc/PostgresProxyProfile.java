package dev.capflow.basket.grpc;

import dev.capflow.testsupport.PostgresProxyResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The service behind a PostgreSQL proxy that tests can cut and restore. */
public class PostgresProxyProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresProxyResource.class));
    }
}
