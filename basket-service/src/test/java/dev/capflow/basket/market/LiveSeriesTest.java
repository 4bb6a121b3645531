package dev.capflow.basket.market;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.basket.engine.TimeSeries;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveSeriesTest {

    private static final LocalDate MON = LocalDate.of(2025, 12, 29);
    private static final LocalDate TUE = MON.plusDays(1);
    private static final TimeSeries CLOSES =
            TimeSeries.builder().add(MON, 10).add(TUE, 11).build();

    @Test
    void aLaterPriceBecomesANewLastClose() {
        TimeSeries live = LiveSeries.withClose(CLOSES, TUE.plusDays(1), 12);
        assertThat(live.size()).isEqualTo(3);
        assertThat(live.value(2)).isEqualTo(12);
    }

    @Test
    void aPriceOfTheLastDateReplacesItsClose() {
        TimeSeries live = LiveSeries.withClose(CLOSES, TUE, 11.5);
        assertThat(live.size()).isEqualTo(2);
        assertThat(live.value(1)).isEqualTo(11.5);
    }

    @Test
    void anOlderPriceChangesNothing() {
        assertThat(LiveSeries.withClose(CLOSES, MON, 1)).isSameAs(CLOSES);
    }

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
