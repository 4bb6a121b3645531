package dev.capflow.basket.market;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.redis.PriceStreamEntries.StreamTick;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LivePriceTest {

    private static final Instant TS = Instant.parse("2026-01-02T15:00:00Z");

    @Test
    void streamTicksOfPositivePricesAreLivePricesOthersAreSkipped() {
        assertThat(LivePrice.fromStreamTick(new StreamTick("NVDA", TS, 190.5, 1, "", "")))
                .isEqualTo(new LivePrice("NVDA", 190.5, TS));
        assertThat(LivePrice.fromStreamTick(new StreamTick("NVDA", TS, -1, 1, "", "")))
                .isNull();
        assertThat(LivePrice.fromStreamTick(new StreamTick("NVDA", TS, Double.NaN, 1, "", "")))
                .isNull();
        assertThat(LivePrice.fromStreamTick(new StreamTick(null, TS, 1, 1, "", "")))
                .isNull();
    }
}
