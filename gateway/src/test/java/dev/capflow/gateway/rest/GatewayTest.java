package dev.capflow.gateway.rest;

import org.junit.jupiter.api.BeforeEach;

import dev.capflow.gateway.fake.FakeIngestService;
import dev.capflow.gateway.fake.InjectFakeIngest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;

/** Common ground of the REST tests: a clean fake ingest service and closed circuit breakers before each test. */
abstract class GatewayTest {

    @InjectFakeIngest
    FakeIngestService fake;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void resetDownstream() {
        fake.reset();
        breakers.resetAll();
    }
}
