package dev.capflow.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import dev.capflow.ingest.SqlRows;
import dev.capflow.ingest.repository.MinuteBarRepository;
import dev.capflow.proto.common.v1.IngestReport;
import dev.capflow.proto.ingest.v1.GetMinuteBarsRequest;
import dev.capflow.proto.ingest.v1.GetMinuteBarsResponse;
import dev.capflow.proto.ingest.v1.GetTicksRequest;
import dev.capflow.proto.ingest.v1.IngestTicksRequest;
import dev.capflow.proto.ingest.v1.IngestTicksResponse;
import dev.capflow.proto.ingest.v1.MinuteBar;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** GetMinuteBars against bars worked out by hand, with late, out-of-order, resent and concurrent ticks. */
@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "1"))
class MinuteBarsGrpcTest extends GrpcTestBase {

    @Inject
    MinuteBarRepository minuteBars;

    private static final Instant M0 = Instant.parse("2024-03-04T14:30:00Z");

    private static Instant at(double seconds) {
        return M0.plusNanos(Math.round(seconds * 1_000_000) * 1_000);
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }

    /** "minute open high low close volume count" of each bar. */
    private static List<String> describe(List<MinuteBar> bars) {
        return bars.stream()
                .map(bar -> Instant.ofEpochSecond(
                                bar.getMinute().getSeconds(), bar.getMinute().getNanos())
                        + " " + bar.getOpen() + " " + bar.getHigh() + " " + bar.getLow() + " " + bar.getClose() + " "
                        + bar.getVolume() + " " + bar.getTickCount())
                .toList();
    }

    private List<MinuteBar> allBars(GetMinuteBarsRequest.Builder request) {
        List<MinuteBar> bars = new ArrayList<>();
        String token = "";
        do {
            GetMinuteBarsResponse page =
                    client().getMinuteBars(request.setPageToken(token).build());
            bars.addAll(page.getBarsList());
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return bars;
    }

    @Test
    void lateOutOfOrderAndResentTicksGiveTheBarsComputedByHand() {
        register("MBAR");
        IngestTicksRequest first =
                batch(1, tick("MBAR", at(10), 100, 10), tick("MBAR", at(50), 103, 5), tick("MBAR", at(70), 99, 7));
        // earlier ticks of both minutes arrive later, with a resend of one of the first batch
        IngestTicksRequest late = batch(
                2,
                tick("MBAR", at(5), 101, 1),
                tick("MBAR", at(30), 105, 2),
                tick("MBAR", at(10), 100, 10),
                tick("MBAR", at(119.999999), 98.5, 3),
                tick("MBAR", at(120), 97, 4));
        // same microsecond as the 103 tick, later in tick order (source "x" after ""): the new close
        IngestTicksRequest sameMicrosecond = batch(
                3,
                tick("MBAR", at(50), 104, 1).toBuilder()
                        .setSource("x")
                        .setTradeId("1")
                        .build());
        List<IngestTicksResponse> acks = streamTicksOneByOne(first, late, sameMicrosecond, first, late);
        assertThat(acks)
                .extracting(IngestTicksResponse::getReport)
                .extracting(IngestReport::getAccepted)
                .containsExactly(3, 4, 1, 0, 0);

        // minute 0: 5s 101x1, 10s 100x10, 30s 105x2, 50s 103x5, 50s/x 104x1; minute 1: 70s 99x7, 119.999999s 98.5x3;
        // minute 2: 120s 97x4
        assertThat(describe(allBars(GetMinuteBarsRequest.newBuilder().setSymbol("MBAR"))))
                .containsExactly(
                        "2024-03-04T14:30:00Z 101.0 105.0 100.0 104.0 19 5",
                        "2024-03-04T14:31:00Z 99.0 99.0 98.5 98.5 10 2",
                        "2024-03-04T14:32:00Z 97.0 97.0 97.0 97.0 4 1");
    }

    @Test
    void pagesFollowTheTokenAndTheRangeBoundsTheMinuteStart() {
        register("MPAGE");
        streamTicks(batch(
                1,
                tick("MPAGE", at(1), 10, 1),
                tick("MPAGE", at(61), 11, 1),
                tick("MPAGE", at(121), 12, 1),
                tick("MPAGE", at(181), 13, 1)));

        GetMinuteBarsResponse first = client().getMinuteBars(GetMinuteBarsRequest.newBuilder()
                .setSymbol("mpage")
                .setPageSize(3)
                .build());
        assertThat(first.getBarsList()).extracting(MinuteBar::getClose).containsExactly(10.0, 11.0, 12.0);
        GetMinuteBarsResponse second = client().getMinuteBars(GetMinuteBarsRequest.newBuilder()
                .setSymbol("MPAGE")
                .setPageSize(3)
                .setPageToken(first.getNextPageToken())
                .build());
        assertThat(second.getBarsList()).extracting(MinuteBar::getClose).containsExactly(13.0);
        assertThat(second.getNextPageToken()).isEmpty();

        assertThat(allBars(GetMinuteBarsRequest.newBuilder()
                        .setSymbol("MPAGE")
                        .setPageSize(1)
                        .setFrom(timestamp(at(1)))
                        .setTo(timestamp(at(120)))))
                .as("14:30 starts before from; 14:32 starts exactly at to")
                .extracting(MinuteBar::getClose)
                .containsExactly(11.0, 12.0);
    }

    @Test
    void sameMicrosecondTicksOfOneFreshBatchOpenAndCloseInTickOrder() {
        register("MTIE");
        Instant minute = M0.plusSeconds(10_800);
        // two ticks share the bar's first microsecond and two its last, each pair sent later-in-tick-order first
        streamTicks(batch(
                1,
                tick("MTIE", minute.plusSeconds(10), 41, 1).toBuilder()
                        .setSource("y")
                        .build(),
                tick("MTIE", minute.plusSeconds(10), 42, 1).toBuilder()
                        .setSource("x")
                        .build(),
                tick("MTIE", minute.plusSeconds(30), 40, 1),
                tick("MTIE", minute.plusSeconds(50), 43, 1).toBuilder()
                        .setSource("y")
                        .build(),
                tick("MTIE", minute.plusSeconds(50), 44, 1).toBuilder()
                        .setSource("x")
                        .build()));

        assertThat(describe(allBars(GetMinuteBarsRequest.newBuilder().setSymbol("MTIE"))))
                .containsExactly("2024-03-04T17:30:00Z 42.0 44.0 40.0 43.0 5 5");
    }

    @Test
    void concurrentBatchesOfOneMinuteAddUpExactly() {
        register("MCONC");
        Instant minute = M0.plusSeconds(3600);
        IngestTicksRequest[] batches = IntStream.range(0, 12)
                .mapToObj(b -> batch(
                        b,
                        IntStream.range(0, 10)
                                .mapToObj(i -> tick(
                                        "MCONC", minute.plusMillis(b * 2_000L + i * 100L), 50 + b + i / 10.0, b + 1))
                                .toArray(dev.capflow.proto.ingest.v1.Tick[]::new)))
                .toArray(IngestTicksRequest[]::new);
        streamTicks(batches);
        streamTicks(batches);

        // prices 50.0 .. 61.9, the first at :00.000, the last at :22.900; volume 10 * (1 + ... + 12)
        assertThat(describe(allBars(GetMinuteBarsRequest.newBuilder().setSymbol("MCONC"))))
                .containsExactly("2024-03-04T15:30:00Z 50.0 61.9 50.0 61.9 780 120");
    }

    @Test
    void aTickRepeatedInsideAFreshBatchIsStoredAndRolledUpOnce() throws Exception {
        register("MREP");
        IngestTicksRequest repeated = batch(
                1,
                tick("MREP", at(7200), 20, 2),
                tick("MREP", at(7201), 21, 3),
                tick("MREP", at(7200), 20, 2),
                tick("MREP", at(7202), 19, 4));
        assertThat(streamTicks(repeated))
                .extracting(IngestTicksResponse::getReport)
                .extracting(IngestReport::getAccepted, IngestReport::getDuplicates)
                .containsExactly(tuple(3, 1));
        assertThat(sqlLong("SELECT count(*) FROM ingest.tick WHERE symbol = 'MREP'"))
                .isEqualTo(3);
        assertThat(describe(allBars(GetMinuteBarsRequest.newBuilder().setSymbol("MREP"))))
                .containsExactly("2024-03-04T16:30:00Z 20.0 21.0 19.0 19.0 9 3");
    }

    @Test
    void twoStreamsRacingWithTheSameBatchesStoreAndRollUpEachTickOnce() throws Exception {
        register("MRACE");
        Instant minute = M0.plusSeconds(10_800);
        IngestTicksRequest[] batches = IntStream.range(0, 8)
                .mapToObj(b -> batch(
                        b,
                        IntStream.range(0, 50)
                                .mapToObj(i -> tick("MRACE", minute.plusMillis(b * 5_000L + i * 10L), 70 + b, 1))
                                .toArray(dev.capflow.proto.ingest.v1.Tick[]::new)))
                .toArray(IngestTicksRequest[]::new);
        // both streams hand their batches to the service at once, as a client resending to a second replica would
        List<List<IngestTicksResponse>> both = Multi.createFrom()
                .items(1, 2)
                .onItem()
                .transformToUni(stream -> Uni.createFrom()
                        .item(() -> streamTicks(batches))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .merge(2)
                .collect()
                .asList()
                .await()
                .atMost(Duration.ofSeconds(60));
        long accepted = both.stream()
                .flatMap(List::stream)
                .mapToLong(ack -> ack.getReport().getAccepted())
                .sum();
        long duplicates = both.stream()
                .flatMap(List::stream)
                .mapToLong(ack -> ack.getReport().getDuplicates())
                .sum();
        assertThat(accepted).isEqualTo(400);
        assertThat(duplicates).isEqualTo(400);
        assertThat(sqlLong("SELECT count(*) FROM ingest.tick WHERE symbol = 'MRACE'"))
                .isEqualTo(400);
        assertThat(describe(allBars(GetMinuteBarsRequest.newBuilder().setSymbol("MRACE"))))
                .containsExactly("2024-03-04T17:30:00Z 70.0 77.0 70.0 77.0 400 400");
    }

    @Test
    void barsAreTheSameWhetherTheirPartsArePendingOrFoldedAndEachPartIsFoldedOnce() throws Exception {
        register("MFOLD");
        Instant minute = M0.plusSeconds(14_400);
        streamTicks(
                batch(1, tick("MFOLD", minute.plusSeconds(20), 30, 2), tick("MFOLD", minute.plusSeconds(40), 32, 1)));
        minuteBars.foldPending().await().atMost(Duration.ofSeconds(30));
        // a new open and a new close of the folded minute, and a new minute
        streamTicks(batch(
                2,
                tick("MFOLD", minute.plusSeconds(10), 31, 4),
                tick("MFOLD", minute.plusSeconds(50), 29, 3),
                tick("MFOLD", minute.plusSeconds(61), 33, 5)));
        List<String> expected = List.of(
                "2024-03-04T18:30:00Z 31.0 32.0 29.0 29.0 10 4", "2024-03-04T18:31:00Z 33.0 33.0 33.0 33.0 5 1");
        assertThat(describe(allBars(GetMinuteBarsRequest.newBuilder().setSymbol("MFOLD"))))
                .containsExactlyElementsOf(expected);

        // folds at once, as on several replicas: whichever removes a part merges it, the others skip it
        Uni.join()
                .all(IntStream.range(0, 3)
                        .mapToObj(i -> minuteBars.foldPending())
                        .toList())
                .andFailFast()
                .await()
                .atMost(Duration.ofSeconds(30));

        assertThat(sqlLong("SELECT count(*) FROM ingest.minute_bar_pending WHERE symbol = 'MFOLD'"))
                .isZero();
        assertThat(
                        SqlRows.strings(
                                PostgresRedisResource.datastores().connect(),
                                "SELECT to_char(minute AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') || ' ' || open::numeric"
                                        + " || ' ' || high::numeric || ' ' || low::numeric || ' ' || close::numeric || ' ' || volume"
                                        + " || ' ' || tick_count FROM ingest.minute_bar WHERE symbol = 'MFOLD' ORDER BY minute"))
                .as("the stored bars alone")
                .containsExactly("2024-03-04T18:30:00Z 31 32 29 29 10 4", "2024-03-04T18:31:00Z 33 33 33 33 5 1");
        assertThat(describe(allBars(GetMinuteBarsRequest.newBuilder().setSymbol("MFOLD"))))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void badRequestsNameTheirField() throws Exception {
        register("MBAD");
        streamTicks(batch(1, tick("MBAD", at(1), 10, 1), tick("MBAD", at(2), 11, 1)));
        String tickToken = client().getTicks(GetTicksRequest.newBuilder()
                        .setSymbol("MBAD")
                        .setPageSize(1)
                        .build())
                .getNextPageToken();

        assertThat(violations(
                        GetMinuteBarsRequest.newBuilder().setSymbol("MBAD").setPageToken(tickToken)))
                .as("a GetTicks token is not a GetMinuteBars token")
                .containsExactly("page_token");
        assertThat(violations(GetMinuteBarsRequest.newBuilder()
                        .setSymbol(" ")
                        .setPageSize(10_001)
                        .setFrom(timestamp(at(60)))
                        .setTo(timestamp(at(0)))))
                .containsExactly("symbol", "from", "page_size");

        StatusRuntimeException unknown = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().getMinuteBars(GetMinuteBarsRequest.newBuilder()
                        .setSymbol("NOSUCH")
                        .build()));
        assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }

    private List<String> violations(GetMinuteBarsRequest.Builder request) throws Exception {
        StatusRuntimeException error =
                catchThrowableOfType(StatusRuntimeException.class, () -> client().getMinuteBars(request.build()));
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        return badRequest(error).getFieldViolationsList().stream()
                .map(BadRequest.FieldViolation::getField)
                .toList();
    }
}
