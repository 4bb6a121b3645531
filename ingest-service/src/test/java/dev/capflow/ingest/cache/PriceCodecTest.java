package dev.capflow.ingest.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.ingest.domain.LatestPrice;
import dev.capflow.ingest.domain.PriceSource;
import dev.capflow.ingest.domain.Tick;
import dev.capflow.redis.PriceStreamEntries;
import java.time.Instant;
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
    void aTickAndItsSourceIdentityRoundTripThroughTheStreamEntry() {
        Tick plain = new Tick("MSFT", Instant.parse("2025-10-29T14:30:00.123456Z"), 541.5, 300);
        Tick identified = new Tick("MSFT", Instant.parse("2025-10-29T14:30:00.123456Z"), 541.5, 300, "nasdaq", "7731");
        assertThat(PriceCodec.decodeStreamEntry(PriceStreamEntries.tick(PriceCodec.streamTick(plain), "instance-1")))
                .isEqualTo(plain);
        assertThat(PriceCodec.decodeStreamEntry(
                        PriceStreamEntries.tick(PriceCodec.streamTick(identified), "instance-1")))
                .isEqualTo(identified);
        assertThat(PriceCodec.decodeStreamEntry(Map.of("symbol", "X"))).isNull();
    }
}
