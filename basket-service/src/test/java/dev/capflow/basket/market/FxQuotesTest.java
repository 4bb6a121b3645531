package dev.capflow.basket.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.capflow.basket.engine.MarketData;
import dev.capflow.basket.engine.TimeSeries;

class FxQuotesTest {

    @Test
    void usdJpyQuotedInYenIsInvertedForAUsdBasket() {
        assertThat(FxQuotes.resolve("USD", "JPY", Map.of("USDJPY", "JPY")))
                .contains(new FxQuote("JPY", "USDJPY", true));
    }

    @Test
    void eurUsdQuotedInDollarsIsUsedAsItIs() {
        assertThat(FxQuotes.resolve("USD", "EUR", Map.of("EURUSD", "USD")))
                .contains(new FxQuote("EUR", "EURUSD", false));
    }

    @Test
    void aPairQuotedInAnotherCurrencyIsNotTrusted() {
        assertThat(FxQuotes.resolve("USD", "JPY", Map.of("USDJPY", "USD"))).isEmpty();
        assertThat(FxQuotes.candidates("USD", "JPY")).containsExactly("USDJPY", "JPYUSD");
    }

    @Test
    void assemblerConvertsThroughTheInverseRate() {
        LocalDate day = LocalDate.of(2025, 10, 29);
        TimeSeries usdJpy = TimeSeries.builder().add(day, 152.0).build();
        TimeSeries softBank = TimeSeries.builder().add(day, 4000.0).build();

        MarketData data = MarketDataAssembler.assemble(List.of("9984.T", "MISSING"), Map.of("9984.T", "JPY"),
                List.of(new FxQuote("JPY", "USDJPY", true)), Map.of("USDJPY", usdJpy, "9984.T", softBank));

        assertThat(data.fx("JPY").orElseThrow().value(0)).isEqualTo(1.0 / 152.0);
        assertThat(data.member("9984.T").orElseThrow().currency()).isEqualTo("JPY");
        assertThat(data.member("MISSING")).isEmpty();
    }
}
