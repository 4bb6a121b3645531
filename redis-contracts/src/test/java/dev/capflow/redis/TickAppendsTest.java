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

/** The script calls append exactly the entries {@link PriceStreamEntries#tick} describes, in order, on a real Redis. */
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
    void eachTickBecomesTheEntryTheContractDescribesInOrderAndTheReplyCountsThem() {
        List<StreamTick> ticks = List.of(
                new StreamTick("NVDA", T0, 181.25, 300, "", ""),
                new StreamTick("AMD", T0.plusNanos(1_000), 0.1, 1, "nasdaq", "7731"),
                new StreamTick("NVDA", T0.plusSeconds(1), 1e-7, Long.MAX_VALUE, "", "only-a-trade-id"),
                new StreamTick("ÅBO", T0.plusSeconds(2), 12345.678, 0, "", ""));

        List<Request> calls = TickAppends.requests(SHARD, 100_000, "instance-1", ticks);

        assertThat(calls).hasSize(1);
        assertThat(REDIS.client().send(calls.get(0)).await().atMost(WAIT).toLong())
                .isEqualTo(4);
        assertThat(entries())
                .containsExactlyElementsOf(ticks.stream()
                        .map(tick -> PriceStreamEntries.tick(tick, "instance-1"))
                        .toList());
    }

    @Test
    void aLongBatchIsSplitIntoCallsThatKeepItsOrder() {
        List<StreamTick> ticks = new ArrayList<>();
        for (int i = 0; i < 2 * TickAppends.MAX_TICKS_PER_CALL + 1; i++) {
            ticks.add(new StreamTick("NVDA", T0.plusMillis(i), i, i, "", ""));
        }

        List<Request> calls = TickAppends.requests(SHARD, 100_000, "instance-1", ticks);

        assertThat(calls).hasSize(3);
        List<Long> appended = new ArrayList<>();
        calls.forEach(call ->
                appended.add(REDIS.client().send(call).await().atMost(WAIT).toLong()));
        assertThat(appended)
                .containsExactly((long) TickAppends.MAX_TICKS_PER_CALL, (long) TickAppends.MAX_TICKS_PER_CALL, 1L);
        assertThat(entries())
                .extracting(fields -> fields.get("size"))
                .containsExactlyElementsOf(
                        ticks.stream().map(tick -> Long.toString(tick.size())).toList());
    }

    @Test
    void theShardIsTrimmedToAboutItsCap() {
        List<StreamTick> ticks = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            ticks.add(new StreamTick("NVDA", T0.plusMillis(i), 1, i, "", ""));
        }

        TickAppends.requests(SHARD, 10, "instance-1", ticks)
                .forEach(call -> REDIS.client().send(call).await().atMost(WAIT));

        // MAXLEN ~ trims whole radix-tree nodes (100 entries by default): far fewer than 1,000 remain
        assertThat(REDIS.client()
                        .send(Request.cmd(Command.XLEN).arg(SHARD))
                        .await()
                        .atMost(WAIT)
                        .toLong())
                .isLessThan(200);
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
