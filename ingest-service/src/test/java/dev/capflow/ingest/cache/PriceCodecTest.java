package dev.capflow.ingest.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.ingest.domain.LatestPrice;
import dev.capflow.ingest.domain.PriceSource;
import dev.capflow.ingest.domain.Tick;
import dev.capflow.redis.PriceStreamEntries;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PriceCodecTest {

    @Test
    void latestPriceRoundTripsWithEpochMillis() {
        LatestPrice price =
                new LatestPrice("NVDA", 207.04, Instant.parse("2025-10-29T19:59:59.123Z"), PriceSource.TICK);
        String encoded = PriceCodec.encodeLatest(price);
        assertThat(encoded).isEqualTo("{\"price\":207.04,\"ts\":1761767999123,\"source\":\"TICK\"}");
        assertThat(PriceCodec.decodeLatest("NVDA", encoded)).isEqualTo(price);
        assertThat(PriceCodec.decodeLatest("NVDA", "not json")).isNull();
    }

    @Test
    void latestPriceIsWrittenAsJacksonWritesIt() {
        SplittableRandom random = new SplittableRandom(7);
        List<Double> prices = new ArrayList<>(List.of(
                0.01,
                1e-7,
                0.001,
                1.0,
                100.0,
                1e7,
                1.0e7 + 0.5,
                123456789.125,
                Double.MIN_VALUE,
                Double.MAX_VALUE,
                2e23,
                Double.NaN,
                Double.POSITIVE_INFINITY));
        for (int i = 0; i < 100_000; i++) {
            prices.add(random.nextInt(10_000_000) / 100.0);
            prices.add(Double.longBitsToDouble(random.nextLong() & Long.MAX_VALUE));
        }
        long[] millis = {0, 1, -1, 1761767999123L, -62_135_596_800_000L, 253_402_300_799_999L};
        for (int i = 0; i < prices.size(); i++) {
            for (PriceSource source : PriceSource.values()) {
                LatestPrice price =
                        new LatestPrice("NVDA", prices.get(i), Instant.ofEpochMilli(millis[i % millis.length]), source);
                assertThat(PriceCodec.encodeLatest(price))
                        .isEqualTo(new JsonObject()
                                .put("price", price.price())
                                .put("ts", price.ts().toEpochMilli())
                                .put("source", source.name())
                                .encode());
            }
        }
    }

    @Test
    void ticksRoundTripThroughATickEntryAndAPackedEntryInOrder() {
        Tick plain = new Tick("MSFT", Instant.parse("2025-10-29T14:30:00.123456Z"), 541.5, 300);
        Tick identified = new Tick("MSFT", Instant.parse("2025-10-29T14:30:00.123456Z"), 541.5, 300, "nasdaq", "7731");
        assertThat(PriceCodec.decodeStreamTicks(PriceStreamEntries.tick(PriceCodec.streamTick(plain), "instance-1")))
                .containsExactly(plain);
        assertThat(PriceCodec.decodeStreamTicks(
                        PriceStreamEntries.tick(PriceCodec.streamTick(identified), "instance-1")))
                .containsExactly(identified);
        assertThat(PriceCodec.decodeStreamTicks(PriceStreamEntries.packed(
                        List.of(PriceCodec.streamTick(identified), PriceCodec.streamTick(plain)), "instance-1")))
                .containsExactly(identified, plain);
        assertThat(PriceCodec.decodeStreamTicks(Map.of("symbol", "X"))).isNull();
        assertThat(PriceCodec.decodeStreamTicks(Map.of("ticks", "X"))).isNull();
    }
}
