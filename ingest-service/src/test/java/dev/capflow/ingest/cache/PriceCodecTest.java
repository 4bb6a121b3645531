package dev.capflow.ingest.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.capflow.ingest.domain.LatestPrice;
import dev.capflow.ingest.domain.PriceSource;
import dev.capflow.ingest.domain.Tick;

class PriceCodecTest {

    @Test
    void latestPriceRoundTripsWithEpochMillis() {
        LatestPrice price = new LatestPrice("NVDA", 207.04, Instant.parse("2025-10-29T19:59:59.123Z"), PriceSource.TICK);
        String encoded = PriceCodec.encodeLatest(price);
        assertThat(encoded).isEqualTo("{\"price\":207.04,\"ts\":1761767999123,\"source\":\"TICK\"}");
        assertThat(PriceCodec.decodeLatest("NVDA", encoded)).isEqualTo(price);
        assertThat(PriceCodec.decodeLatest("NVDA", "not json")).isNull();
    }

    @Test
    void streamEntryKeepsMicrosecondsAndTheOrigin() {
        Tick tick = new Tick("MSFT", Instant.parse("2025-10-29T14:30:00.123456Z"), 541.5, 300);
        Map<String, String> fields = PriceCodec.streamFields(tick, "instance-1");
        assertThat(fields).containsExactly(Map.entry("symbol", "MSFT"), Map.entry("price", "541.5"),
                Map.entry("size", "300"), Map.entry("ts", "2025-10-29T14:30:00.123456Z"), Map.entry("origin", "instance-1"));
        assertThat(PriceCodec.decodeStreamEntry(fields)).isEqualTo(tick);
        assertThat(PriceCodec.decodeStreamEntry(Map.of("symbol", "X"))).isNull();
    }

    @Test
    void aTicksSourceIdentityTravelsWithIt() {
        Tick tick = new Tick("MSFT", Instant.parse("2025-10-29T14:30:00.123456Z"), 541.5, 300, "nasdaq", "7731");
        Map<String, String> fields = PriceCodec.streamFields(tick, "instance-1");
        assertThat(fields).containsEntry("source", "nasdaq").containsEntry("trade_id", "7731");
        assertThat(PriceCodec.decodeStreamEntry(fields)).isEqualTo(tick);
    }

    @Test
    void aChangeEntryNamesItsKindAndSymbolsAndIsNoTick() {
        Map<String, String> fields = PriceCodec.changeFields(PriceCodec.BARS, List.of("NVDA", "AMD"), "instance-1");
        assertThat(fields).containsExactly(Map.entry("kind", "bars"), Map.entry("symbols", "NVDA,AMD"),
                Map.entry("origin", "instance-1"));
        assertThat(PriceCodec.isTick(fields)).isFalse();
        assertThat(PriceCodec.decodeStreamEntry(fields)).as("a reader that knows only ticks skips it").isNull();
        assertThat(PriceCodec.isTick(PriceCodec.streamFields(new Tick("MSFT", Instant.EPOCH, 1, 1), "i"))).isTrue();
    }
}
