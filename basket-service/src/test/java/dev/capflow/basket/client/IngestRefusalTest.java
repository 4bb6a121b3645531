package dev.capflow.basket.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.grpc.DownstreamException;
import io.grpc.Status;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestRefusalTest {

    private static Throwable translated(Status status) {
        return IngestRefusal.naming("basket_id", Map.of("from", "to"))
                .apply(new DownstreamException("ingest-service", status.asRuntimeException()));
    }

    @Test
    void onlyRefusalsOfWhatTheCallerSentBecomeTheCallersError() {
        assertThat(translated(Status.INVALID_ARGUMENT.withDescription("bad"))).isInstanceOf(IngestRefusal.class);
        assertThat(translated(Status.RESOURCE_EXHAUSTED)).isInstanceOf(IngestRefusal.class);
        assertThat(translated(Status.NOT_FOUND)).isInstanceOf(IngestRefusal.class);
        assertThat(translated(Status.UNAVAILABLE)).isInstanceOf(DownstreamException.class);
        assertThat(translated(Status.INTERNAL)).isInstanceOf(DownstreamException.class);
        assertThat(translated(Status.FAILED_PRECONDITION)).isInstanceOf(DownstreamException.class);
    }

    @Test
    void aRefusalWithoutFieldsNamesTheFallbackWithIngestServicesReason() {
        IngestRefusal refusal = (IngestRefusal) translated(Status.RESOURCE_EXHAUSTED.withDescription("too long"));
        assertThat(refusal.code()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(refusal.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("basket_id");
            assertThat(violation.description()).contains("too long");
        });
    }
}
