package dev.capflow.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
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
}
