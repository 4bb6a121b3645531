package dev.capflow.ingest.repository;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The service with a (stand-in) read replica configured. */
public class ReplicaProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ReplicaDatabaseResource.class));
    }
}
