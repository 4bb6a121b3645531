package dev.capflow.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.capflow.gateway.fake.Answer;
import dev.capflow.gateway.fake.FakeIngestServer;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.proto.ingest.v1.Instrument;
import dev.capflow.proto.ingest.v1.InstrumentKind;
import dev.capflow.proto.ingest.v1.ListInstrumentsRequest;
import dev.capflow.proto.ingest.v1.ListInstrumentsResponse;
import dev.capflow.proto.ingest.v1.UpsertInstrumentRequest;
import dev.capflow.proto.ingest.v1.UpsertInstrumentResponse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FakeIngestServer.class)
class InstrumentRoutesTest extends GatewayTest {

    private static final Instrument NVDA = Instrument.newBuilder()
            .setSymbol("NVDA")
            .setName("NVIDIA Corporation")
            .setCurrency("USD")
            .setExchange("NASDAQ")
            .setKind(InstrumentKind.INSTRUMENT_KIND_EQUITY)
            .setSharesOutstanding(24_300_000_000L)
            .setVersion(3)
            .build();
    private static final Instrument USDJPY = Instrument.newBuilder()
            .setSymbol("USDJPY")
            .setName("US dollar in yen")
            .setCurrency("JPY")
            .setExchange("FX")
            .setKind(InstrumentKind.INSTRUMENT_KIND_FX)
            .setVersion(1)
            .build();

    @Test
    void listMapsEveryFieldAndPassesTheKindFilter() {
        fake.script(
                IngestServiceGrpc.getListInstrumentsMethod(),
                Answer.reply(ListInstrumentsResponse.newBuilder()
                        .addInstruments(NVDA)
                        .addInstruments(USDJPY)
                        .build()));

        given().queryParam("kind", "fx")
                .when()
                .get("/api/v1/instruments")
                .then()
                .statusCode(200)
                .body("symbol", contains("NVDA", "USDJPY"))
                .body("[0].name", equalTo("NVIDIA Corporation"))
                .body("[0].currency", equalTo("USD"))
                .body("[0].exchange", equalTo("NASDAQ"))
                .body("[0].kind", equalTo("EQUITY"))
                .body("[0].sharesOutstanding", equalTo(24_300_000_000L))
                .body("[0].version", equalTo(3))
                .body("[1].kind", equalTo("FX"))
                .body("[1]", not(hasKey("sharesOutstanding")));

        assertThat(fake.requests(IngestServiceGrpc.getListInstrumentsMethod()))
                .containsExactly(ListInstrumentsRequest.newBuilder()
                        .setKind(InstrumentKind.INSTRUMENT_KIND_FX)
                        .build());
    }

    @Test
    void aPageSizeBeyondAnIntegerIsReadAsTheLargestPageNotRefused() {
        fake.script(
                IngestServiceGrpc.getListInstrumentsMethod(),
                Answer.reply(ListInstrumentsResponse.newBuilder()
                        .addInstruments(NVDA)
                        .build()));

        given().queryParam("pageSize", "99999999999999")
                .when()
                .get("/api/v1/instruments")
                .then()
                .statusCode(200)
                .body("symbol", contains("NVDA"));

        assertThat(fake.requests(IngestServiceGrpc.getListInstrumentsMethod()))
                .extracting(ListInstrumentsRequest::getPageSize)
                .containsExactly(Integer.MAX_VALUE);
    }

    @Test
    void anUnknownKindIsRejectedWithoutCallingIngest() {
        given().queryParam("kind", "BOND")
                .when()
                .get("/api/v1/instruments")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("kind"))
                .body("violations[0].reason", equalTo("must be one of [EQUITY, FX, INDEX]"));

        assertThat(fake.requests(IngestServiceGrpc.getListInstrumentsMethod())).isEmpty();
    }

    @Test
    void putCreatesWith201AndUpdatesWith200() {
        fake.script(
                IngestServiceGrpc.getUpsertInstrumentMethod(),
                Answer.reply(UpsertInstrumentResponse.newBuilder()
                        .setInstrument(NVDA)
                        .setCreated(true)
                        .build()),
                Answer.reply(UpsertInstrumentResponse.newBuilder()
                        .setInstrument(NVDA)
                        .setCreated(false)
                        .build()));
        String body = """
                {"name": "NVIDIA Corporation", "currency": "USD", "exchange": "NASDAQ", "kind": "EQUITY",
                 "sharesOutstanding": 24300000000}""";

        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/api/v1/instruments/NVDA")
                .then()
                .statusCode(201)
                .body("symbol", equalTo("NVDA"))
                .body("version", equalTo(3));
        given().contentType(ContentType.JSON)
                .body(body)
                .queryParam("version", 0)
                .when()
                .put("/api/v1/instruments/NVDA")
                .then()
                .statusCode(200)
                .body("sharesOutstanding", equalTo(24_300_000_000L));

        Instrument sent = fake.requests(IngestServiceGrpc.getUpsertInstrumentMethod())
                .get(0)
                .getInstrument();
        assertThat(sent).isEqualTo(NVDA.toBuilder().clearVersion().build());
        assertThat(fake.requests(IngestServiceGrpc.getUpsertInstrumentMethod()))
                .extracting(request -> request.hasExpectedVersion() ? request.getExpectedVersion() : null)
                .as("without version no check; version 0 is checked")
                .containsExactly(null, 0L);
    }

    @Test
    void putWithoutSharesOutstandingSendsItAbsent() {
        fake.script(
                IngestServiceGrpc.getUpsertInstrumentMethod(),
                Answer.reply(UpsertInstrumentResponse.newBuilder()
                        .setInstrument(USDJPY)
                        .setCreated(true)
                        .build()));

        given().contentType(ContentType.JSON)
                .body("""
                        {"name": "US dollar in yen", "currency": "JPY", "exchange": "FX", "kind": "FX"}""")
                .when()
                .put("/api/v1/instruments/USDJPY")
                .then()
                .statusCode(201)
                .body("$", not(hasKey("sharesOutstanding")));

        UpsertInstrumentRequest sent =
                fake.requests(IngestServiceGrpc.getUpsertInstrumentMethod()).get(0);
        assertThat(sent.getInstrument().hasSharesOutstanding()).isFalse();
        assertThat(sent.getInstrument().getKind()).isEqualTo(InstrumentKind.INSTRUMENT_KIND_FX);
    }

    @Test
    void putNamesEveryMissingOrInvalidField() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"symbol": "AMD", "currency": " ", "kind": "BOND"}""")
                .when()
                .put("/api/v1/instruments/NVDA")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/v1/instruments/NVDA"))
                .body("violations.field", contains("symbol", "name", "currency", "exchange", "kind"));

        assertThat(fake.requests(IngestServiceGrpc.getUpsertInstrumentMethod())).isEmpty();
    }

    @Test
    void putWithAWronglyTypedFieldNamesIt() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"name": "NVIDIA", "currency": "USD", "exchange": "NASDAQ", "kind": "EQUITY",
                         "sharesOutstanding": "lots"}""")
                .when()
                .put("/api/v1/instruments/NVDA")
                .then()
                .statusCode(400)
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo("sharesOutstanding"))
                .body(
                        "violations[0].reason",
                        equalTo("must be a whole number from -9223372036854775808 to 9223372036854775807"));
    }

    @Test
    void fieldViolationsFromIngestAreReturnedAsIs() {
        fake.script(
                IngestServiceGrpc.getUpsertInstrumentMethod(),
                Answer.invalidField("currency", "must be an ISO 4217 code"));

        given().contentType(ContentType.JSON)
                .body("""
                        {"name": "NVIDIA", "currency": "DOLLARS", "exchange": "NASDAQ", "kind": "EQUITY"}""")
                .when()
                .put("/api/v1/instruments/NVDA")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:capflow:problem:invalid-request"))
                .body("detail", equalTo("currency must be an ISO 4217 code"))
                .body("violations[0].field", equalTo("currency"))
                .body("violations[0].reason", equalTo("must be an ISO 4217 code"));
    }
}
