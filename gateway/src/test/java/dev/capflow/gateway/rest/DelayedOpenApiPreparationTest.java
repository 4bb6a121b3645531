package dev.capflow.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.gateway.fake.FakeIngestServer;
import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.runtime.DeferredOpenApiDocumentService;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document waits {@code capflow.openapi.preparation-delay} after the start, and a request that comes
 * first is answered all the same: it prepares the document itself, once.
 */
@QuarkusTest
@WithTestResource(FakeIngestServer.class)
@TestProfile(DelayedOpenApiPreparationTest.LatePreparation.class)
class DelayedOpenApiPreparationTest extends GatewayTest {

    /** A delay no test outlives. */
    public static class LatePreparation implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("capflow.openapi.preparation-delay", "1h");
        }
    }

    @Test
    void nothingIsPreparedBeforeTheDelayAndAnEarlyRequestPreparesTheDocument() {
        DeferredOpenApiDocumentService service = (DeferredOpenApiDocumentService)
                Arc.container().instance(OpenApiDocumentService.class).get();
        assertThat(service.preparingThread()).as("prepared before its delay").isNull();

        String document = servedOpenApi("json");

        assertThat(document).contains("\"/api/v1/baskets\"");
        // the route is a blocking one: the early request prepared it on a worker, never on the event loop
        assertThat(service.preparingThread()).startsWith("executor-thread");
    }
}
