package dev.capflow.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.rpc.BadRequest;
import dev.capflow.proto.ingest.v1.Instrument;
import dev.capflow.proto.ingest.v1.InstrumentKind;
import dev.capflow.proto.ingest.v1.ListInstrumentsRequest;
import dev.capflow.proto.ingest.v1.ListInstrumentsResponse;
import dev.capflow.proto.ingest.v1.UpsertInstrumentRequest;
import dev.capflow.proto.ingest.v1.UpsertInstrumentResponse;
import dev.capflow.testsupport.PostgresRedisResource;
import dev.capflow.testsupport.RacedWrites;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "1"))
class InstrumentGrpcTest extends GrpcTestBase {

    private static Instrument.Builder nvidia() {
        return Instrument.newBuilder()
                .setSymbol("nvda")
                .setName(" NVIDIA Corporation ")
                .setCurrency("usd")
                .setExchange("NASDAQ")
                .setKind(InstrumentKind.INSTRUMENT_KIND_EQUITY)
                .setSharesOutstanding(24_300_000_000L);
    }

    private UpsertInstrumentResponse upsert(Instrument.Builder instrument) {
        return client().upsertInstrument(UpsertInstrumentRequest.newBuilder()
                .setInstrument(instrument)
                .build());
    }

    @Test
    void upsertCreatesThenReplacesAndCountsVersions() throws Exception {
        UpsertInstrumentResponse created = upsert(nvidia());
        assertThat(created.getCreated()).isTrue();
        assertThat(created.getInstrument().getSymbol()).isEqualTo("NVDA");
        assertThat(created.getInstrument().getName()).isEqualTo("NVIDIA Corporation");
        assertThat(created.getInstrument().getCurrency()).isEqualTo("USD");
        assertThat(created.getInstrument().getSharesOutstanding()).isEqualTo(24_300_000_000L);
        assertThat(created.getInstrument().getVersion()).isZero();

        UpsertInstrumentResponse unchanged = upsert(nvidia());
        assertThat(unchanged.getCreated()).isFalse();
        assertThat(unchanged.getInstrument().getVersion())
                .as("no change, no new version")
                .isZero();

        UpsertInstrumentResponse renamed =
                upsert(nvidia().setName("NVIDIA Corp").clearSharesOutstanding());
        assertThat(renamed.getCreated()).isFalse();
        assertThat(renamed.getInstrument().getVersion()).isEqualTo(1);
        assertThat(renamed.getInstrument().hasSharesOutstanding()).isFalse();
        assertThat(sqlLong("SELECT count(*) FROM ingest.instrument WHERE symbol = 'NVDA' AND version = 1"
                        + " AND shares_outstanding IS NULL AND name = 'NVIDIA Corp'"))
                .isEqualTo(1);

        StatusRuntimeException stale =
                catchThrowableOfType(StatusRuntimeException.class, () -> upsert(nvidia().setVersion(7)));
        assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(upsert(nvidia().setVersion(1)).getInstrument().getVersion()).isEqualTo(2);

        // every version an update replaced is kept, the unchanged resend made none
        assertThat(sqlLong("SELECT count(*) FROM ingest.instrument_revision WHERE symbol = 'NVDA'"))
                .isEqualTo(2);
        assertThat(sqlLong("SELECT count(*) FROM ingest.instrument_revision WHERE symbol = 'NVDA' AND version = 0"
                        + " AND name = 'NVIDIA Corporation' AND shares_outstanding = 24300000000"))
                .isEqualTo(1);
        assertThat(sqlLong("SELECT count(*) FROM ingest.instrument_revision WHERE symbol = 'NVDA' AND version = 1"
                        + " AND name = 'NVIDIA Corp' AND shares_outstanding IS NULL"))
                .isEqualTo(1);
    }

    @Test
    void anUpdateBasedOnVersionZeroDoesNotLoseAConcurrentUpdate() {
        Instrument read = upsert(nvidia().setSymbol("LOST")).getInstrument();
        assertThat(read.getVersion()).isZero();
        upsert(read.toBuilder().setName("Renamed by another client"));

        // the old contract could not tell "version 0" from "no check": this write used to overwrite the rename
        StatusRuntimeException stale = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().upsertInstrument(UpsertInstrumentRequest.newBuilder()
                        .setInstrument(read.toBuilder().setExchange("NYSE"))
                        .setExpectedVersion(0)
                        .build()));
        assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        Instrument stored = client().listInstruments(
                        ListInstrumentsRequest.newBuilder().addSymbols("LOST").build())
                .getInstruments(0);
        assertThat(stored)
                .extracting(Instrument::getName, Instrument::getExchange, Instrument::getVersion)
                .containsExactly("Renamed by another client", "NASDAQ", 1L);

        StatusRuntimeException missing = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().upsertInstrument(UpsertInstrumentRequest.newBuilder()
                        .setInstrument(nvidia().setSymbol("NOPE"))
                        .setExpectedVersion(0)
                        .build()));
        assertThat(missing.getStatus().getCode())
                .as("a checked write needs the instrument")
                .isEqualTo(Status.Code.ABORTED);
        assertThat(client().upsertInstrument(UpsertInstrumentRequest.newBuilder()
                                .setInstrument(stored.toBuilder().setExchange("NYSE"))
                                .setExpectedVersion(1)
                                .build())
                        .getInstrument()
                        .getVersion())
                .isEqualTo(2);
    }

    @Test
    void replacesRacedAtOneVersionEndPromptlyWithOneWinner() throws Exception {
        for (int round = 0; round < 5; round++) {
            Instrument read = upsert(nvidia().setSymbol("RACED" + round)).getInstrument();
            List<Runnable> writes = new ArrayList<>();
            for (int n = 0; n < 4; n++) {
                String name = "Raced " + n;
                writes.add(() -> client().upsertInstrument(UpsertInstrumentRequest.newBuilder()
                        .setInstrument(read.toBuilder().setName(name))
                        .setExpectedVersion(0)
                        .build()));
            }
            List<Status.Code> codes = RacedWrites.codes(writes, Duration.ofSeconds(DEADLINE_SECONDS / 2));
            assertThat(codes).as("round %d", round).containsOnlyOnce(Status.Code.OK);
            assertThat(codes).as("round %d", round).containsOnly(Status.Code.OK, Status.Code.ABORTED);
            Instrument stored = client().listInstruments(ListInstrumentsRequest.newBuilder()
                            .addSymbols(read.getSymbol())
                            .build())
                    .getInstruments(0);
            assertThat(stored.getVersion()).isEqualTo(1);
            assertThat(stored.getName()).isEqualTo("Raced " + codes.indexOf(Status.Code.OK));
        }
        RacedWrites.assertNoTransactionLeftOpen();
    }

    @Test
    void listFiltersBySymbolsAndKind() {
        upsert(Instrument.newBuilder()
                .setSymbol("USDJPY")
                .setName("US dollar in yen")
                .setCurrency("JPY")
                .setKind(InstrumentKind.INSTRUMENT_KIND_FX));
        upsert(Instrument.newBuilder()
                .setSymbol("^GSPC")
                .setName("S&P 500")
                .setCurrency("USD")
                .setKind(InstrumentKind.INSTRUMENT_KIND_INDEX));
        register("AMD");

        ListInstrumentsResponse fx = client().listInstruments(ListInstrumentsRequest.newBuilder()
                .setKind(InstrumentKind.INSTRUMENT_KIND_FX)
                .build());
        assertThat(fx.getInstrumentsList()).extracting(Instrument::getSymbol).containsExactly("USDJPY");

        ListInstrumentsResponse some = client().listInstruments(ListInstrumentsRequest.newBuilder()
                .addSymbols("amd")
                .addSymbols("^gspc")
                .addSymbols("NOPE")
                .build());
        assertThat(some.getInstrumentsList()).extracting(Instrument::getSymbol).containsExactly("AMD", "^GSPC");
        assertThat(some.getInstruments(1).getKind()).isEqualTo(InstrumentKind.INSTRUMENT_KIND_INDEX);
        assertThat(some.getInstruments(1).hasSharesOutstanding()).isFalse();
    }

    @Test
    void theRegistryIsPagedBySymbolButALookupOfManySymbolsIsOnePage() {
        List<String> symbols = IntStream.range(0, 120)
                .mapToObj(i -> String.format("PG%03d", i))
                .toList();
        symbols.forEach(symbol -> register(symbol));

        List<String> walked = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            ListInstrumentsResponse page = client().listInstruments(ListInstrumentsRequest.newBuilder()
                    .setPageSize(50)
                    .setPageToken(token)
                    .build());
            page.getInstrumentsList().forEach(instrument -> walked.add(instrument.getSymbol()));
            token = page.getNextPageToken();
            pages++;
        } while (!token.isEmpty());
        ListInstrumentsResponse firstDefault = client().listInstruments(ListInstrumentsRequest.getDefaultInstance());
        ListInstrumentsResponse lookup = client().listInstruments(ListInstrumentsRequest.newBuilder()
                .addAllSymbols(symbols)
                .build());

        assertThat(walked).containsAll(symbols).doesNotHaveDuplicates().isSorted();
        assertThat(pages).isEqualTo((walked.size() + 49) / 50);
        assertThat(firstDefault.getInstrumentsCount()).isEqualTo(100);
        assertThat(firstDefault.getNextPageToken()).isNotEmpty();
        assertThat(lookup.getInstrumentsList())
                .extracting(Instrument::getSymbol)
                .containsExactlyElementsOf(symbols);
        assertThat(lookup.getNextPageToken()).isEmpty();
        StatusRuntimeException otherQuery = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().listInstruments(ListInstrumentsRequest.newBuilder()
                        .setKind(InstrumentKind.INSTRUMENT_KIND_FX)
                        .setPageToken(firstDefault.getNextPageToken())
                        .build()));
        assertThat(otherQuery.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(otherQuery.getStatus().getDescription()).contains("page_token");
    }

    @Test
    void brokenFieldsAreNamedInBadRequestDetails() throws Exception {
        StatusRuntimeException error = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> upsert(Instrument.newBuilder()
                        .setSymbol("BAD SYMBOL!")
                        .setName(" ")
                        .setCurrency("XXY")
                        .setSharesOutstanding(-5)));
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        BadRequest details = badRequest(error);
        assertThat(details.getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField)
                .containsExactly(
                        "instrument.symbol",
                        "instrument.name",
                        "instrument.currency",
                        "instrument.kind",
                        "instrument.shares_outstanding");
        assertThat(details.getFieldViolations(2).getDescription())
                .contains("ISO 4217")
                .contains("XXY");

        StatusRuntimeException missing = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().upsertInstrument(UpsertInstrumentRequest.getDefaultInstance()));
        assertThat(badRequest(missing).getFieldViolations(0).getField()).isEqualTo("instrument");
        assertThat(sqlCount("BAD SYMBOL!")).isZero();
    }

    @Test
    void zeroSharesOutstandingIsRefusedNamingTheFieldAndStoresNothing() throws Exception {
        StatusRuntimeException error = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> upsert(nvidia().setSymbol("ZEROSH").setSharesOutstanding(0)));
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(badRequest(error).getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField)
                .containsExactly("instrument.shares_outstanding");
        assertThat(sqlCount("ZEROSH")).isZero();
    }

    private static long sqlCount(String symbol) throws Exception {
        return sqlLong("SELECT count(*) FROM ingest.instrument WHERE symbol = '" + symbol + "'");
    }
}
