package dev.capflow.basket.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.basket.fake.FakeIngestServer;
import dev.capflow.testsupport.PostgresRedisResource;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * OpenTelemetry is wired as in the other services: the extension's tracer is there and names the service, and the SDK
 * is configured off (no exporter) until an operator enables it.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "3"))
@QuarkusTestResource(FakeIngestServer.class)
class OpenTelemetryWiringTest {

    @Inject
    OpenTelemetry openTelemetry;

    @Test
    void theTracerIsWiredNamedBasketServiceAndTheSdkIsOffByDefault() {
        assertThat(ConfigProvider.getConfig().getValue("quarkus.otel.service.name", String.class))
                .isEqualTo("basket-service");
        assertThat(ConfigProvider.getConfig().getValue("quarkus.otel.sdk.disabled", Boolean.class))
                .isTrue();

        Span span = openTelemetry.getTracer("test").spanBuilder("probe").startSpan();
        try {
            assertThat(span.getSpanContext().isValid())
                    .as("a span of the extension's tracer")
                    .isTrue();
        } finally {
            span.end();
        }
    }
}
