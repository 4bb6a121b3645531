package dev.capflow.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestPriceTest {

    private static final LatestPrice CLOSE_OCT_29 =
            LatestPrice.ofDailyClose("NVDA", LocalDate.of(2025, 10, 29), 207.04);

    @Test
    void aDailyCloseIsStampedAtMidnightUtc() {
        assertThat(CLOSE_OCT_29.ts()).isEqualTo(Instant.parse("2025-10-29T00:00:00Z"));
        assertThat(CLOSE_OCT_29.source()).isEqualTo(PriceSource.DAILY_CLOSE);
    }

    @Test
    void theNewerWinsAndATickWinsATie() {
        LatestPrice sameDayTick = new LatestPrice("NVDA", 206, Instant.parse("2025-10-29T15:00:00Z"), PriceSource.TICK);
        LatestPrice olderTick = new LatestPrice("NVDA", 190, Instant.parse("2025-10-20T15:00:00Z"), PriceSource.TICK);
        LatestPrice midnightTick = new LatestPrice("NVDA", 205, CLOSE_OCT_29.ts(), PriceSource.TICK);
        assertThat(LatestPrice.newest(CLOSE_OCT_29, sameDayTick)).isSameAs(sameDayTick);
        assertThat(LatestPrice.newest(olderTick, CLOSE_OCT_29)).isSameAs(CLOSE_OCT_29);
        assertThat(LatestPrice.newest(CLOSE_OCT_29, midnightTick)).isSameAs(midnightTick);
        assertThat(LatestPrice.newest(null, olderTick)).isSameAs(olderTick);
        assertThat(LatestPrice.newest(null, null)).isNull();
    }

    @Test
    void theNewestTickOfEachSymbolInFirstSeenOrderAndTheFirstOfATie() {
        Instant t0 = Instant.parse("2025-10-29T15:00:00Z");
        Tick first = new Tick("NVDA", t0, 206, 1);
        Tick tie = new Tick("NVDA", t0, 207, 1, "X", "1");
        Tick aapl = new Tick("AAPL", t0.plusSeconds(5), 270, 1);
        Tick older = new Tick("AAPL", t0, 260, 1);
        Tick later = new Tick("NVDA", t0.plusNanos(1_000), 208, 1);

        assertThat(LatestPrice.ofNewestTicks(List.of(first, tie, aapl, older)))
                .containsExactly(
                        new LatestPrice("NVDA", 206, t0, PriceSource.TICK),
                        new LatestPrice("AAPL", 270, t0.plusSeconds(5), PriceSource.TICK));
        assertThat(LatestPrice.ofNewestTicks(List.of(first, later, tie)))
                .containsExactly(new LatestPrice("NVDA", 208, t0.plusNanos(1_000), PriceSource.TICK));
        assertThat(LatestPrice.ofNewestTicks(List.of())).isEmpty();
    }
}
