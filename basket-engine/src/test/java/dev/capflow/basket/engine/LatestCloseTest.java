package dev.capflow.basket.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LatestCloseTest {

    private static final LocalDate MON = LocalDate.of(2025, 12, 29);
    private static final LocalDate TUE = MON.plusDays(1);
    private static final TimeSeries CLOSES =
            TimeSeries.builder().add(MON, 10).add(TUE, 11).build();

    @Test
    void aLaterPriceBecomesANewLastClose() {
        TimeSeries live = new LatestClose(TUE.plusDays(1), 12).appliedTo(CLOSES);
        assertThat(live.size()).isEqualTo(3);
        assertThat(live.value(1)).isEqualTo(11);
        assertThat(live.value(2)).isEqualTo(12);
    }

    @Test
    void aPriceOfTheLastDateReplacesItsClose() {
        TimeSeries live = new LatestClose(TUE, 11.5).appliedTo(CLOSES);
        assertThat(live.size()).isEqualTo(2);
        assertThat(live.lastDate()).isEqualTo(TUE);
        assertThat(live.value(1)).isEqualTo(11.5);
    }

    @Test
    void anOlderPriceChangesNothing() {
        assertThat(new LatestClose(MON, 1).appliedTo(CLOSES)).isSameAs(CLOSES);
    }
}
