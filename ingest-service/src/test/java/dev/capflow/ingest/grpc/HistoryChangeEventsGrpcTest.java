package dev.capflow.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import dev.capflow.proto.ingest.v1.AddCorporateActionRequest;
import dev.capflow.proto.ingest.v1.BarWriteMode;
import dev.capflow.proto.ingest.v1.CorporateAction;
import dev.capflow.proto.ingest.v1.CorporateActionKind;
import dev.capflow.proto.ingest.v1.DeleteCorporateActionRequest;
import dev.capflow.proto.ingest.v1.ImportCsvRequest;
import dev.capflow.proto.ingest.v1.IngestBarsRequest;
import dev.capflow.redis.AnswerGenerationKeys;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.Channel;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * Newly stored daily bars (IngestBars, ImportCsv) and newly recorded corporate actions are announced on the price
 * stream as change entries, so that caches of answers computed from history move at once; duplicates announce
 * nothing, and live subscribers still see ticks only. An entry recorded in the outbox and never appended (a process
 * that stopped first) is appended by the next process.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "1"))
class HistoryChangeEventsGrpcTest extends GrpcTestBase {

    @GrpcClient("ingest")
    Channel channel;

    private void ingestBars(String date) {
        client().ingestBars(IngestBarsRequest.newBuilder()
                .addBars(bar("EVA", date, 10))
                .addBars(bar("EVB", date, 20))
                .addBars(bar("EVA", "2025-10-" + date.substring(8), 11))
                .build());
    }

    @Test
    void aHistoryChangeMovesItsBasketsAnswerGenerationsBeforeItIsAcknowledged() {
        // basket-service's keys for a basket computed from EVG (nothing here reads the stream: only ingest moves them)
        register("EVG");
        String generation = AnswerGenerationKeys.generation(AnswerGenerationKeys.DEFAULT_PREFIX, "evg-basket");
        redis("SADD", AnswerGenerationKeys.dependents(AnswerGenerationKeys.DEFAULT_PREFIX, "EVG"), "evg-basket");
        redis("SET", generation, "5");

        client().ingestBars(IngestBarsRequest.newBuilder()
                .addBars(bar("EVG", "2025-11-03", 10))
                .build());
        assertThat(stringValue(generation)).as("a new bar").isEqualTo("6");

        client().ingestBars(IngestBarsRequest.newBuilder()
                .addBars(bar("EVG", "2025-11-03", 10))
                .build());
        assertThat(stringValue(generation)).as("a duplicate changes nothing").isEqualTo("6");

        client().ingestBars(IngestBarsRequest.newBuilder()
                .setMode(BarWriteMode.BAR_WRITE_MODE_REPLACE)
                .addBars(bar("EVG", "2025-11-03", 12))
                .build());
        assertThat(stringValue(generation)).as("a correction").isEqualTo("7");

        CorporateAction dividend = CorporateAction.newBuilder()
                .setSymbol("EVG")
                .setExDate("2025-11-03")
                .setKind(CorporateActionKind.CORPORATE_ACTION_KIND_DIVIDEND)
                .setAmount(0.5)
                .build();
        client().addCorporateAction(AddCorporateActionRequest.newBuilder()
                .setAction(dividend)
                .build());
        assertThat(stringValue(generation)).as("a corporate action").isEqualTo("8");
        client().deleteCorporateAction(DeleteCorporateActionRequest.newBuilder()
                .setSymbol("EVG")
                .setExDate("2025-11-03")
                .setKind(CorporateActionKind.CORPORATE_ACTION_KIND_DIVIDEND)
                .build());
        assertThat(stringValue(generation)).as("its deletion").isEqualTo("9");

        register("EVG", "JPY");
        assertThat(stringValue(generation)).as("a new currency").isEqualTo("10");
        register("EVG", "JPY");
        assertThat(stringValue(generation)).as("the same currency again").isEqualTo("10");
        await().atMost(Duration.ofSeconds(10)).until(() -> changeEntries("instrument-currency", "EVG") == 1);
    }

    /** The string at {@code key}: the last line of the raw reply (the helper also returns SELECT's). */
    private static String stringValue(String key) {
        String[] lines = redis("GET", key).split("\r\n");
        return lines[lines.length - 1];
    }

    @Test
    void newBarsAreAnnouncedOncePerRequestAndDuplicatesAreNot() {
        register("EVA");
        register("EVB");
        PriceSubscription subscriber = PriceSubscription.start(channel, -1, "EVA", "EVB");

        ingestBars("2025-11-03");
        await().atMost(Duration.ofSeconds(10)).until(() -> changeEntries("bars", "EVA,EVB") == 1);

        ingestBars("2025-11-03"); // every bar a duplicate: history did not change
        client().ingestBars(IngestBarsRequest.newBuilder()
                .addBars(bar("EVB", "2025-11-04", 21))
                .build());
        // EVA and EVB live in different shards of the stream (13 and 7): each request's entry is split between them
        await().atMost(Duration.ofSeconds(10)).until(() -> changeEntries("bars", "EVB") == 2);
        assertThat(changeEntries("bars", "EVA"))
                .as("the duplicate request announced nothing")
                .isEqualTo(1);

        // a tick of another replica still reaches the subscriber, and the change entries were never taken for ticks
        Instant ts = Instant.now().minus(1, ChronoUnit.MINUTES);
        redis(
                "XADD",
                streamKey("EVA"),
                "*",
                "symbol",
                "EVA",
                "price",
                "12.5",
                "size",
                "1",
                "ts",
                ts.toString(),
                "origin",
                "another-replica");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !subscriber.received().isEmpty());
        assertThat(subscriber.received()).extracting(tick -> tick.getPrice()).containsExactly(12.5);
        subscriber.cancel();
    }

    @Test
    void aChangeEntryThatAnEarlierProcessLeftUnappendedIsAppended() throws Exception {
        // what a process stopped (or cut from Redis) between a commit and its append leaves, its lease long passed
        sqlLong("WITH left_over AS (INSERT INTO ingest.history_change_outbox (kind, symbols, claimed_until)"
                + " VALUES ('bars-replaced', ARRAY['EVLEFT'], now() - interval '1 minute') RETURNING 1)"
                + " SELECT count(*) FROM left_over");

        await().atMost(Duration.ofSeconds(20)).until(() -> changeEntries("bars-replaced", "EVLEFT") == 1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> sqlLong("SELECT count(*) FROM ingest.history_change_outbox WHERE 'EVLEFT' = ANY(symbols)")
                        == 0);
    }

    @Test
    void anImportedCsvIsAnnounced() {
        register("EVCSV");
        client().importCsv(ImportCsvRequest.newBuilder()
                        .setSymbol("EVCSV")
                        .setContent(
                                ByteString.copyFromUtf8(
                                        "Date,Open,High,Low,Close,Volume\n2025-11-03,10,11,9,10.5,100\n2025-11-04,10,11,9,10.7,100\n"))
                        .build())
                .forEachRemaining(progress -> {});

        await().atMost(Duration.ofSeconds(10)).until(() -> changeEntries("bars", "EVCSV") == 1);
    }

    @Test
    void aNewCorporateActionIsAnnouncedAndTheSameOneAgainIsNot() {
        register("EVCA");
        AddCorporateActionRequest split = AddCorporateActionRequest.newBuilder()
                .setAction(CorporateAction.newBuilder()
                        .setSymbol("EVCA")
                        .setExDate("2025-11-20")
                        .setKind(CorporateActionKind.CORPORATE_ACTION_KIND_SPLIT)
                        .setRatio(2))
                .build();

        assertThat(client().addCorporateAction(split).getCreated()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> changeEntries("corporate-action", "EVCA") == 1);

        assertThat(client().addCorporateAction(split).getCreated()).isFalse();
        assertThat(client().addCorporateAction(split.toBuilder()
                                .setAction(split.getAction().toBuilder().setExDate("2025-12-01"))
                                .build())
                        .getCreated())
                .isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> changeEntries("corporate-action", "EVCA") == 2);
    }
}
