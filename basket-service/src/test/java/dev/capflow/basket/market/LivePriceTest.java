package dev.capflow.basket.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LivePriceTest {

    @Test
    void streamEntriesDecodeOrAreSkipped() {
        assertThat(LivePrice.fromStreamEntry(Map.of(
                        "symbol", "NVDA", "price", "190.5", "size", "1", "ts", "2026-01-02T15:00:00Z", "origin", "x")))
                .isEqualTo(new LivePrice("NVDA", 190.5, Instant.parse("2026-01-02T15:00:00Z")));
        assertThat(LivePrice.fromStreamEntry(Map.of("symbol", "NVDA", "price", "-1", "ts", "2026-01-02T15:00:00Z")))
                .isNull();
        assertThat(LivePrice.fromStreamEntry(Map.of("symbol", "NVDA", "price", "abc")))
                .isNull();
    }
}
