package dev.capflow.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.capflow.gateway.fake.FakeIngestServer;
import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.runtime.DeferredOpenApiDocumentService;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is prepared after the start, on a worker thread, by the alternative Quarkus itself uses (see
 * the README's API contract), and the served document is the one written at build time.
 */
@QuarkusTest
@WithTestResource(FakeIngestServer.class)
class DeferredOpenApiDocumentTest extends GatewayTest {

    private static final Path BUILD_TIME_DOCUMENT = Path.of("target", "openapi");

    @Test
    void quarkusLooksUpTheDeferredServiceAndItPreparesTheDocumentOnAWorkerThread() {
        // by Quarkus' class, as its start recorder and its handler do: an injection point would keep a removed bean
        OpenApiDocumentService service =
                Arc.container().instance(OpenApiDocumentService.class).get();

        assertThat(service).isInstanceOf(DeferredOpenApiDocumentService.class);
        DeferredOpenApiDocumentService deferred = (DeferredOpenApiDocumentService) service;
        await().atMost(Duration.ofMinutes(1)).until(() -> deferred.preparingThread() != null);
        assertThat(deferred.preparingThread()).startsWith("executor-thread");
    }

    @Test
    void theServedDocumentIsTheOneWrittenAtBuildTimeAsJsonAndAsYaml() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

        JsonNode servedJson = json.readTree(servedOpenApi("json"));
        JsonNode servedYaml = yaml.readTree(servedOpenApi("yaml"));

        // parsed, not byte for byte: two builds may order some schema properties differently
        assertThat(servedJson)
                .isEqualTo(json.readTree(
                        BUILD_TIME_DOCUMENT.resolve("openapi.json").toFile()));
        assertThat(servedYaml)
                .isEqualTo(yaml.readTree(
                        BUILD_TIME_DOCUMENT.resolve("openapi.yaml").toFile()));
        assertThat(servedJson.path("paths").has("/api/v1/baskets")).isTrue();
    }
}
