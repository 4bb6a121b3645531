package dev.capflow.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The columns a closes read decodes, put in date order whatever order they came in. */
class CloseSeriesTest {

    @Test
    void ascendingColumnsAreKeptAsGiven() {
        int[] days = {-3, 0, 20_000, 20_001};
        double[] closes = {1.5, 2.5, 3.5, 4.5};

        CloseSeries series = CloseSeries.byDate("X", days, closes);

        assertThat(series.epochDays()).isSameAs(days);
        assertThat(series.closes()).isSameAs(closes);
    }

    @Test
    void columnsOutOfOrderAreSortedByDateWithTheirCloses() {
        int[] days = {20_003, 20_001, -5, 20_002, 0};
        double[] closes = {4.25, 2.25, 0.5, 3.25, 1.25};

        CloseSeries series = CloseSeries.byDate("X", days, closes);

        assertThat(series.symbol()).isEqualTo("X");
        assertThat(series.epochDays()).containsExactly(-5, 0, 20_001, 20_002, 20_003);
        assertThat(series.closes()).containsExactly(0.5, 1.25, 2.25, 3.25, 4.25);
    }

    @Test
    void aSwapAtTheEndIsFoundAndNoColumnIsEmptied() {
        CloseSeries series = CloseSeries.byDate("X", new int[] {1, 2, 4, 3}, new double[] {10, 20, 40, 30});

        assertThat(series.epochDays()).containsExactly(1, 2, 3, 4);
        assertThat(series.closes()).containsExactly(10.0, 20.0, 30.0, 40.0);
        assertThat(CloseSeries.byDate("X", new int[0], new double[0]).size()).isZero();
    }
}
