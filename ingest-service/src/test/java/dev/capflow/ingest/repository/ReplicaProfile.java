package dev.capflow.ingest.repository;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The service with a (stand-in) read replica configured. */
public class ReplicaProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ReplicaDatabaseResource.class));
    }
}
