package dev.capflow.basket.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capflow.basket.engine.MarketData;
import dev.capflow.basket.engine.TimeSeries;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FxSeriesTest {

    private static final FxSeries DEMO = FxSeries.of(Map.of("USD/JPY", "DEXJPUS"));

    @Test
    void aJpyMemberOfAUsdBasketUsesTheInverseOfTheYenPerDollarSeries() {
        assertThat(DEMO.quote("USD", "JPY")).contains(new FxQuote("JPY", "DEXJPUS", true, "JPY"));
    }

    @Test
    void aUsdMemberOfAJpyBasketUsesTheSeriesAsItIs() {
        assertThat(DEMO.quote("JPY", "USD")).contains(new FxQuote("USD", "DEXJPUS", false, "JPY"));
    }

    @Test
    void theSeriesIsConfigurationNotANameConvention() {
        FxSeries yahoo = FxSeries.of(Map.of("USD/JPY", "USDJPY", "EUR/USD", "DEXUSEU"));
        assertThat(yahoo.quote("USD", "JPY")).contains(new FxQuote("JPY", "USDJPY", true, "JPY"));
        assertThat(yahoo.quote("USD", "EUR")).contains(new FxQuote("EUR", "DEXUSEU", false, "USD"));
        assertThat(DEMO.quote("USD", "EUR")).isEmpty();
        assertThat(FxSeries.keyFor("USD", "EUR")).isEqualTo("capflow.basket.fx.series.\"USD/EUR\"");
    }

    @Test
    void aBadConfigurationIsRefusedNamingEachKey() {
        assertThatThrownBy(() -> FxSeries.of(Map.of("USDJPY", "X", "EUR/EUR", "Y", "GBP/USD", " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capflow.basket.fx.series.\"USDJPY\": the pair must be BASE/QUOTE")
                .hasMessageContaining("capflow.basket.fx.series.\"EUR/EUR\": the pair must be BASE/QUOTE")
                .hasMessageContaining("capflow.basket.fx.series.\"GBP/USD\": names no FX series");
        assertThatThrownBy(() -> FxSeries.of(Map.of("USD/JPY", "DEXJPUS", "JPY/USD", "JPYUSD")))
                .hasMessageContaining("JPY/USD and USD/JPY are both configured");
    }

    @Test
    void assemblerConvertsThroughTheInverseRate() {
        LocalDate day = LocalDate.of(2025, 10, 29);
        TimeSeries dexjpus = TimeSeries.builder().add(day, 152.0).build();
        TimeSeries softBank = TimeSeries.builder().add(day, 4000.0).build();

        MarketData data = MarketDataAssembler.assemble(
                List.of("9984.T", "MISSING"),
                Map.of("9984.T", "JPY"),
                List.of(new FxQuote("JPY", "DEXJPUS", true, "JPY")),
                Map.of("DEXJPUS", dexjpus, "9984.T", softBank));

        assertThat(data.fx("JPY").orElseThrow().value(0)).isEqualTo(1.0 / 152.0);
        assertThat(data.member("9984.T").orElseThrow().currency()).isEqualTo("JPY");
        assertThat(data.member("MISSING")).isEmpty();
    }

    @Test
    void aForeignBenchmarkIsConvertedIntoTheBasketCurrencyWithTheRateOfEachDate() {
        LocalDate monday = LocalDate.of(2025, 11, 24);
        LocalDate tuesday = monday.plusDays(1);
        TimeSeries qqq =
                TimeSeries.builder().add(monday, 600.0).add(tuesday, 606.0).build();
        TimeSeries dexjpus = TimeSeries.builder().add(monday, 156.0).build();
        MarketHistory history = new MarketHistory(
                List.of("9984.T"),
                Map.of("9984.T", "JPY", "QQQ", "USD"),
                List.of(new FxQuote("USD", "DEXJPUS", false, "JPY")),
                Map.of("QQQ", qqq, "DEXJPUS", dexjpus),
                "QQQ");

        TimeSeries inYen = history.benchmarkSeries();
        // Tuesday has no rate yet: Monday's is carried forward
        assertThat(inYen.values()).containsExactly(600.0 * 156.0, 606.0 * 156.0);
    }
}
