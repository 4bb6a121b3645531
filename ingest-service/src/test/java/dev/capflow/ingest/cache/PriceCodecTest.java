package dev.capflow.ingest.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.ingest.domain.LatestPrice;
import dev.capflow.ingest.domain.PriceSource;
import dev.capflow.ingest.domain.Tick;
import dev.capflow.redis.PriceStreamEntries;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
