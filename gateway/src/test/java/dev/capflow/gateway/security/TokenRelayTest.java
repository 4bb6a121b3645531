package dev.capflow.gateway.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.capflow.gateway.fake.FakeIngestServer;
import dev.capflow.gateway.fake.FakeIngestService;
import dev.capflow.gateway.fake.InjectFakeIngest;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The gateway calls the services with its caller's own token, so each service checks the caller's role itself; a
 * shared live stream, which serves every client of its topic, carries the gateway's own identity instead.
 */
@QuarkusTest
@WithTestResource(FakeIngestServer.class)
class TokenRelayTest {

    @InjectFakeIngest
    FakeIngestService fake;

    @ConfigProperty(name = "capflow.grpc.auth.service-token")
    String gatewayIdentity;

    @BeforeEach
    void reset() {
        fake.reset();
        FakeIngestServer.seen().clear();
    }

    @Test
    void aReadCarriesTheCallersToken() {
        String viewer = TestTokens.shared().token("viewer");
        given().auth().oauth2(viewer).get("/api/v1/instruments").then().statusCode(200);

        assertThat(FakeIngestServer.seen().of(IngestServiceGrpc.getListInstrumentsMethod().getFullMethodName()))
                .isNotEmpty().containsOnly(Optional.of("Bearer " + viewer));
    }

    @Test
    void aWriteCarriesTheCallersToken() {
        String ingest = TestTokens.shared().token("ingest");
        given().auth().oauth2(ingest).contentType("application/json")
                .body("{\"name\": \"Nvidia\", \"currency\": \"USD\", \"exchange\": \"NASDAQ\", \"kind\": \"EQUITY\"}")
                .put("/api/v1/instruments/NVDA").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));

        assertThat(FakeIngestServer.seen().of(IngestServiceGrpc.getUpsertInstrumentMethod().getFullMethodName()))
                .isNotEmpty().containsOnly(Optional.of("Bearer " + ingest));
    }

    @Test
    void aSharedLiveStreamCarriesTheGatewaysOwnIdentity() throws Exception {
        String viewer = TestTokens.shared().token("viewer");
        String subscribe = IngestServiceGrpc.getSubscribePricesMethod().getFullMethodName();
        Thread reader = new Thread(() -> {
            try {
                given().auth().oauth2(viewer).get("/api/v1/stream/prices?symbols=RELAY");
            } catch (RuntimeException e) {
                // the stream is cut when the test ends
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            long until = System.nanoTime() + 20_000_000_000L;
            while (FakeIngestServer.seen().of(subscribe).isEmpty() && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertThat(FakeIngestServer.seen().of(subscribe)).isNotEmpty()
                    .containsOnly(Optional.of("Bearer " + gatewayIdentity));
        } finally {
            reader.interrupt();
        }
    }
}
