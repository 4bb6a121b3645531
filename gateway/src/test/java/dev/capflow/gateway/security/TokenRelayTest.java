package dev.capflow.gateway.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.gateway.fake.Answer;
import dev.capflow.gateway.fake.FakeIngestServer;
import dev.capflow.gateway.fake.FakeIngestService;
import dev.capflow.gateway.fake.InjectFakeIngest;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.proto.ingest.v1.Instrument;
import dev.capflow.proto.ingest.v1.InstrumentKind;
import dev.capflow.proto.ingest.v1.ListInstrumentsResponse;
import dev.capflow.proto.ingest.v1.UpsertInstrumentResponse;
import dev.capflow.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway calls the services with its caller's own token, so each service checks the caller's role itself.
 */
@QuarkusTest
@WithTestResource(FakeIngestServer.class)
class TokenRelayTest {

    @InjectFakeIngest
    FakeIngestService fake;

    @BeforeEach
    void reset() {
        fake.reset();
        FakeIngestServer.seen().clear();
    }

    @Test
    void aReadCarriesTheCallersToken() {
        String viewer = TestTokens.shared().token("viewer");
        fake.script(
                IngestServiceGrpc.getListInstrumentsMethod(),
                Answer.reply(ListInstrumentsResponse.getDefaultInstance()));
        given().auth().oauth2(viewer).get("/api/v1/instruments").then().statusCode(200);

        assertThat(FakeIngestServer.seen()
                        .of(IngestServiceGrpc.getListInstrumentsMethod().getFullMethodName()))
                .isNotEmpty()
                .containsOnly(Optional.of("Bearer " + viewer));
    }

    @Test
    void aWriteCarriesTheCallersToken() {
        String ingest = TestTokens.shared().token("ingest");
        fake.script(
                IngestServiceGrpc.getUpsertInstrumentMethod(),
                Answer.reply(UpsertInstrumentResponse.newBuilder()
                        .setInstrument(Instrument.newBuilder()
                                .setSymbol("NVDA")
                                .setName("Nvidia")
                                .setCurrency("USD")
                                .setExchange("NASDAQ")
                                .setKind(InstrumentKind.INSTRUMENT_KIND_EQUITY))
                        .setCreated(true)
                        .build()));
        given().auth()
                .oauth2(ingest)
                .contentType("application/json")
                .body("{\"name\": \"Nvidia\", \"currency\": \"USD\", \"exchange\": \"NASDAQ\", \"kind\": \"EQUITY\"}")
                .put("/api/v1/instruments/NVDA")
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));

        assertThat(FakeIngestServer.seen()
                        .of(IngestServiceGrpc.getUpsertInstrumentMethod().getFullMethodName()))
                .isNotEmpty()
                .containsOnly(Optional.of("Bearer " + ingest));
    }
}
