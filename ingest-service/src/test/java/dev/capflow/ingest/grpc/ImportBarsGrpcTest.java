package dev.capflow.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import dev.capflow.proto.common.v1.IngestReport;
import dev.capflow.proto.common.v1.Rejection;
import dev.capflow.proto.ingest.v1.BarWriteMode;
import dev.capflow.proto.ingest.v1.DailyBar;
import dev.capflow.proto.ingest.v1.ImportBarsRequest;
import dev.capflow.proto.ingest.v1.ImportBarsResponse;
import dev.capflow.testsupport.PostgresRedisResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "1"))
class ImportBarsGrpcTest extends GrpcTestBase {

    @Test
    void chunksOfManySymbolsAreStoredAndEachIsAcknowledgedWithTheStreamsProgress() throws Exception {
        List<String> symbols = List.of("BLKA", "BLKB", "BLKC");
        symbols.forEach(this::register);
        List<ImportBarsRequest> chunks = new ArrayList<>();
        for (int chunk = 0; chunk < 4; chunk++) {
            List<DailyBar> bars = new ArrayList<>();
            for (int day = 0; day < 250; day++) {
                LocalDate date = LocalDate.of(2001, 1, 1).plusDays(chunk * 250L + day);
                symbols.forEach(symbol -> bars.add(bar(symbol, date.toString(), 50 + date.getDayOfMonth())));
            }
            chunks.add(chunk(chunk, bars));
        }

        List<ImportBarsResponse> acks = importBars(chunks);

        assertThat(acks).extracting(ImportBarsResponse::getSequence).containsExactlyInAnyOrder(0L, 1L, 2L, 3L);
        assertThat(acks).extracting(ack -> ack.getReport().getAccepted()).containsOnly(750);
        // progress counts the chunks and bars committed so far, whatever order they commit in
        assertThat(acks).extracting(ImportBarsResponse::getChunksDone).containsExactly(1L, 2L, 3L, 4L);
        assertThat(acks).extracting(ImportBarsResponse::getBarsDone).containsExactly(750L, 1500L, 2250L, 3000L);
        assertThat(sqlLong("SELECT count(*) FROM ingest.daily_bar WHERE symbol LIKE 'BLK_'"))
                .isEqualTo(3000);
        assertThat(sqlLong("SELECT count(*) FROM ingest.daily_bar WHERE symbol = 'BLKB' AND date = '2003-09-27'"
                        + " AND close = 77"))
                .isEqualTo(1);
    }

    @Test
    void chunksAskingAtOnceForSymbolsTheServiceHasNotSeenAreAllStored() throws Exception {
        // registered behind the service's back, as before a restart: every chunk has to look its symbol up, all at once
        List<String> symbols = new ArrayList<>();
        try (Connection connection = PostgresRedisResource.datastores().connect();
                Statement statement = connection.createStatement()) {
            for (int i = 0; i < 24; i++) {
                symbols.add("BLKN" + i);
                statement.executeUpdate("INSERT INTO ingest.instrument (symbol, name, currency, kind)"
                        + " VALUES ('BLKN" + i + "', 'Unseen " + i + "', 'USD', 'EQUITY')");
            }
        }
        List<ImportBarsRequest> chunks = new ArrayList<>();
        for (int i = 0; i < symbols.size(); i++) {
            chunks.add(chunk(i, List.of(bar(symbols.get(i), "2004-04-05", 30 + i))));
        }

        List<ImportBarsResponse> acks = importBars(chunks);

        assertThat(acks).hasSize(symbols.size());
        assertThat(acks).extracting(ack -> ack.getReport().getAccepted()).containsOnly(1);
        assertThat(sqlLong("SELECT count(*) FROM ingest.daily_bar WHERE symbol LIKE 'BLKN%'"))
                .isEqualTo(symbols.size());
    }

    @Test
    void badBarsAreNamedByIndexAndSymbolAndUnknownSymbolsAreRejectedWhileTheOthersAreStored() throws Exception {
        register("BLKGOOD");
        ImportBarsRequest chunk = chunk(
                5,
                List.of(
                        bar("BLKGOOD", "2002-01-02", 10),
                        bar("BLKNOPE", "2002-01-02", 10),
                        bar("BLKGOOD", "1899-12-31", 10),
                        bar("blkgood", "2002-01-03", 11),
                        bar("BLKGOOD", "2002-01-04", 12, 11, 13, 12, 100)));

        ImportBarsResponse ack = importBars(List.of(chunk)).get(0);

        assertThat(ack.getSequence()).isEqualTo(5);
        assertThat(ack.getReport().getAccepted()).isEqualTo(2);
        assertThat(ack.getReport().getRejectedList())
                .extracting(Rejection::getIndex, Rejection::getSymbol, Rejection::getField)
                .containsExactly(
                        tuple(1, "BLKNOPE", "symbol"), tuple(2, "BLKGOOD", "date"), tuple(4, "BLKGOOD", "high"));
        assertThat(ack.getReport().getRejected(0).getReason()).contains("unknown symbol BLKNOPE");
        assertThat(sqlLong("SELECT count(*) FROM ingest.daily_bar WHERE symbol = 'BLKGOOD'"))
                .isEqualTo(2);
        assertThat(sqlLong("SELECT count(*) FROM ingest.daily_bar WHERE symbol = 'BLKNOPE'"))
                .isZero();
    }

    @Test
    void aResentAcknowledgedChunkStoresNothingTwiceAndAReplaceChunkKeepsTheRevision() throws Exception {
        register("BLKRE");
        ImportBarsRequest first = chunk(1, List.of(bar("BLKRE", "2003-03-03", 20), bar("BLKRE", "2003-03-04", 21)));
        assertThat(importBars(List.of(first)).get(0).getReport().getAccepted()).isEqualTo(2);

        ImportBarsResponse resent = importBars(List.of(first)).get(0);
        ImportBarsResponse corrected = importBars(List.of(
                        chunk(2, List.of(bar("BLKRE", "2003-03-04", 22), bar("BLKRE", "2003-03-03", 20))).toBuilder()
                                .setMode(BarWriteMode.BAR_WRITE_MODE_REPLACE)
                                .build()))
                .get(0);

        assertThat(resent.getReport())
                .extracting(IngestReport::getAccepted, IngestReport::getDuplicates)
                .containsExactly(0, 2);
        assertThat(corrected.getReport())
                .extracting(IngestReport::getReplaced, IngestReport::getDuplicates)
                .containsExactly(1, 1);
        assertThat(sqlLong("SELECT count(*) FROM ingest.daily_bar WHERE symbol = 'BLKRE'"))
                .isEqualTo(2);
        assertThat(sqlLong("SELECT count(*) FROM ingest.daily_bar_revision WHERE symbol = 'BLKRE'"
                        + " AND date = '2003-03-04' AND close = 21"))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> changeEntries("bars-replaced", "BLKRE") == 1);
    }

    @Test
    void oneChangeEntryAnnouncesAChunkOfManySymbols() throws Exception {
        register("BLKX");
        register("BLKY");
        List<DailyBar> bars = new ArrayList<>();
        for (int day = 1; day <= 20; day++) {
            bars.add(bar("BLKX", LocalDate.of(2004, 2, day).toString(), 30));
            bars.add(bar("BLKY", LocalDate.of(2004, 2, day).toString(), 40));
        }

        importBars(List.of(chunk(1, bars)));

        // publishing follows the commit without delaying the acknowledgement
        await().atMost(Duration.ofSeconds(10)).until(() -> changeEntries("bars", "BLKX,BLKY") == 1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> redis("HGET", "capflow:latest", "BLKY").contains("\"price\":40.0"));
        assertThat(redis("HGET", "capflow:latest", "BLKY"))
                .contains("\"ts\":"
                        + LocalDate.of(2004, 2, 20)
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant()
                                .toEpochMilli());
    }

    private static ImportBarsRequest chunk(long sequence, List<DailyBar> bars) {
        return ImportBarsRequest.newBuilder()
                .setSequence(sequence)
                .addAllBars(bars)
                .build();
    }

    /** Streams the chunks through ImportBars and collects every acknowledgement, in arrival order. */
    private List<ImportBarsResponse> importBars(List<ImportBarsRequest> chunks) {
        return mutiny().importBars(Multi.createFrom().iterable(chunks))
                .collect()
                .asList()
                .await()
                .atMost(Duration.ofSeconds(DEADLINE_SECONDS));
    }
}
