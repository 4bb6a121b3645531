package dev.capflow.exposure.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.exposure.fake.FakeDownstreams;
import dev.capflow.testsupport.PostgresRedisResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Readiness reports PostgreSQL, and ingest-service and basket-service as "up" or "degraded" without going DOWN. */
@QuarkusTest
@QuarkusTestResource(PostgresRedisResource.class)
@QuarkusTestResource(FakeDownstreams.class)
class ReadinessTest {

    @TestHTTPResource("/q/health/ready")
    URL ready;

    @Test
    void aDownstreamOutageIsDegradedNotDown() throws Exception {
        HttpResponse<String> up = get();
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.body())
                .contains(
                        "\"ingest-service\": \"up\"",
                        "\"basket-service\": \"up\"",
                        "Database connections health check");

        FakeDownstreams.baskets().setDown(true);
        try {
            HttpResponse<String> degraded = get();
            assertThat(degraded.statusCode()).isEqualTo(200);
            assertThat(degraded.body())
                    .contains("\"basket-service\": \"degraded\"", "\"grpc-health\": \"NOT_SERVING\"");
        } finally {
            FakeDownstreams.baskets().setDown(false);
        }
    }

    private HttpResponse<String> get() throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return http.send(
                HttpRequest.newBuilder(URI.create(ready.toString()))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
