package dev.capflow.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.redis.PriceStreamEntries.StreamTick;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The appends write packed entries that hold exactly the ticks given, in order, on a real Redis. */
class TickAppendsTest {

    private static final String SHARD = "test:appends:{0}";
    private static final Instant T0 = Instant.parse("2025-10-29T14:30:00.123456Z");
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis(8);

    @AfterEach
    void deleteShard() {
        REDIS.delete(List.of(SHARD));
    }

    @Test
    void aShortBatchBecomesOnePackedEntryOfItsTicksInOrder() {
        List<StreamTick> ticks = List.of(
                new StreamTick("NVDA", T0, 181.25, 300, "", ""),
                new StreamTick("AMD", T0.plusNanos(1_000), 0.1, 1, "nasdaq", "7731"),
                new StreamTick("NVDA", T0.plusSeconds(1), 1e-7, Long.MAX_VALUE, "", "only-a-trade-id"),
                new StreamTick("ÅBO", T0.plusSeconds(2), 12345.678, 0, "", ""));

        List<Request> appends = TickAppends.requests(SHARD, 100_000, "instance-1", ticks);

        assertThat(appends).hasSize(1);
        appends.forEach(append -> REDIS.client().send(append).await().atMost(WAIT));
        assertThat(entries()).containsExactly(PriceStreamEntries.packed(ticks, "instance-1"));
        assertThat(PriceStreamEntries.ticks(entries().get(0))).containsExactlyElementsOf(ticks);
    }

    @Test
    void aLongBatchIsSplitIntoEntriesOfAboutEqualSizeThatKeepItsOrder() {
        List<StreamTick> ticks = ticks(2 * TickAppends.MAX_TICKS_PER_ENTRY + 1);

        List<Request> appends = TickAppends.requests(SHARD, 100_000, "instance-1", ticks);

        assertThat(appends).hasSize(3);
        appends.forEach(append -> REDIS.client().send(append).await().atMost(WAIT));
        List<List<StreamTick>> packed =
                entries().stream().map(PriceStreamEntries::ticks).toList();
        int perEntry = ticks.size() / 3;
        assertThat(packed).extracting(List::size).containsExactly(perEntry, perEntry, ticks.size() - 2 * perEntry);
        assertThat(packed.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(ticks);
    }

    @Test
    void theCapCountsTicksNotEntries() {
        assertThat(TickAppends.entryCap(100_000, 100)).isEqualTo(1_000);
        assertThat(TickAppends.entryCap(100_000, 1)).isEqualTo(100_000);
        assertThat(TickAppends.entryCap(100_000, 30)).isEqualTo(3_334);
        assertThat(TickAppends.entryCap(10, 100)).isEqualTo(1);

        for (int batch = 0; batch < 300; batch++) {
            TickAppends.requests(SHARD, 1_000, "instance-1", ticks(TickAppends.MAX_TICKS_PER_ENTRY))
                    .forEach(append -> REDIS.client().send(append).await().atMost(WAIT));
        }

        // 10 entries hold 1,000 ticks; MAXLEN ~ trims whole radix-tree nodes (at most 100 entries): far fewer than 300
        assertThat(REDIS.client()
                        .send(Request.cmd(Command.XLEN).arg(SHARD))
                        .await()
                        .atMost(WAIT)
                        .toLong())
                .isLessThan(150);
    }

    private static List<StreamTick> ticks(int count) {
        List<StreamTick> ticks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ticks.add(new StreamTick("NVDA", T0.plusMillis(i), i, i, "", ""));
        }
        return ticks;
    }

    /** Every entry of the shard, oldest first, as its fields in order. */
    private static List<Map<String, String>> entries() {
        Response range = REDIS.client()
                .send(Request.cmd(Command.XRANGE).arg(SHARD).arg("-").arg("+"))
                .await()
                .atMost(WAIT);
        List<Map<String, String>> entries = new ArrayList<>();
        for (Response entry : range) {
            Response pairs = entry.get(1);
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i + 1 < pairs.size(); i += 2) {
                fields.put(pairs.get(i).toString(), pairs.get(i + 1).toString());
            }
            entries.add(fields);
        }
        return entries;
    }
}
