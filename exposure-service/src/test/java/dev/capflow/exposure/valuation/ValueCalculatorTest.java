package dev.capflow.exposure.valuation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.capflow.exposure.domain.EntityKind;
import dev.capflow.exposure.domain.GraphEntity;
import dev.capflow.exposure.domain.PreconditionException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ValueCalculatorTest {

    private static final Instant TS = Instant.parse("2025-12-30T00:00:00Z");
    private static final UsdRateSeries RATES = UsdRateSeries.of(Map.of("USD/JPY", "DEXJPUS"));

    private static GraphEntity listed(String id, String ticker) {
        return new GraphEntity(
                id,
                id,
                EntityKind.LISTED,
                ticker,
                List.of(),
                OptionalDouble.empty(),
                null,
                "",
                OptionalDouble.empty(),
                null,
                "",
                OptionalDouble.empty(),
                null,
                "",
                0,
                null,
                null,
                null);
    }

    @Test
    void aYenListingIsConvertedWithItsConfiguredSeries() {
        Valuations values = ValueCalculator.value(
                RATES,
                List.of(listed("softbank", "9984.T")),
                Map.of("9984.T", new InstrumentFacts("9984.T", "JPY", OptionalLong.of(5_711_848_120L))),
                Map.of(
                        "9984.T",
                        new LatestPrice("9984.T", 4400, TS),
                        "DEXJPUS",
                        new LatestPrice("DEXJPUS", 156.413, TS)));

        EntityValue softbank = values.values().get("softbank");
        assertThat(softbank.valueUsd()).isCloseTo(4400 * 5_711_848_120.0 / 156.413, within(1e-3));
        assertThat(softbank.method()).isEqualTo(ValuationMethod.MARKET_CAP);
        assertThat(softbank.fx()).isEqualTo(new MarketQuote("DEXJPUS", 156.413, "JPY", TS));
        assertThat(softbank.price()).isEqualTo(new MarketQuote("9984.T", 4400, "JPY", TS));
        assertThat(ValueCalculator.tickers(List.of(listed("softbank", "9984.T"))))
                .containsExactly("9984.T");
        assertThat(RATES.symbolFor("JPY")).contains("DEXJPUS");
        assertThat(RATES.symbolFor("USD")).isEmpty();
    }

    @Test
    void aCurrencyWithoutASeriesIsNamedAndAPairNotFromUsdIsRefused() {
        Valuations values = ValueCalculator.value(
                UsdRateSeries.of(Map.of()),
                List.of(listed("softbank", "9984.T")),
                Map.of("9984.T", new InstrumentFacts("9984.T", "JPY", OptionalLong.of(5_711_848_120L))),
                Map.of("9984.T", new LatestPrice("9984.T", 4400, TS), "USDJPY", new LatestPrice("USDJPY", 156, TS)));
        assertThat(values.missing())
                .containsEntry("softbank", "no FX series converts JPY to USD (capflow.exposure.fx.series.\"USD/JPY\")");
        IllegalArgumentException inverted = catchThrowableOfType(
                IllegalArgumentException.class, () -> UsdRateSeries.of(Map.of("JPY/USD", "JPYUSD")));
        assertThat(inverted.getMessage()).contains("JPY/USD must be USD/CCY");
    }

    @Test
    void aMarkIsItsOwnValue() {
        GraphEntity openai = new GraphEntity(
                "openai",
                "OpenAI",
                EntityKind.PRIVATE,
                "",
                List.of(),
                OptionalDouble.of(500e9),
                LocalDate.parse("2025-10-02"),
                "https://example.org",
                OptionalDouble.empty(),
                null,
                "",
                OptionalDouble.empty(),
                null,
                "",
                0,
                null,
                null,
                null);
        EntityValue value = ValueCalculator.value(RATES, List.of(openai), Map.of(), Map.of())
                .values()
                .get("openai");
        assertThat(value)
                .isEqualTo(new EntityValue(
                        500e9,
                        ValuationMethod.MARK,
                        null,
                        0,
                        null,
                        LocalDate.parse("2025-10-02"),
                        "https://example.org"));
    }

    @Test
    void everyMissingPieceIsNamedAndRequiredValuesFailTogether() {
        Valuations values = ValueCalculator.value(
                RATES,
                List.of(
                        listed("oracle", "ORCL"),
                        listed("unknown", "ZZZ"),
                        listed("noshares", "LITE"),
                        listed("softbank", "9984.T")),
                Map.of(
                        "ORCL",
                        new InstrumentFacts("ORCL", "USD", OptionalLong.of(2_873_130_000L)),
                        "LITE",
                        new InstrumentFacts("LITE", "USD", OptionalLong.empty()),
                        "9984.T",
                        new InstrumentFacts("9984.T", "JPY", OptionalLong.of(1))),
                Map.of("LITE", new LatestPrice("LITE", 300, TS), "9984.T", new LatestPrice("9984.T", 4400, TS)));

        assertThat(values.values()).isEmpty();
        assertThat(values.missing())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "oracle", "no latest price for ORCL",
                        "unknown", "no instrument ZZZ in the ingest-service registry",
                        "noshares", "no sharesOutstanding for LITE",
                        "softbank", "no latest price for DEXJPUS to convert 9984.T from JPY to USD"));
        PreconditionException failure =
                catchThrowableOfType(PreconditionException.class, () -> values.require(List.of("oracle", "softbank")));
        assertThat(failure.getMessage())
                .isEqualTo(
                        "oracle: no latest price for ORCL; softbank: no latest price for DEXJPUS to convert 9984.T from JPY to USD");
        assertThat(failure.violations())
                .extracting(PreconditionException.Violation::subject)
                .containsExactly("oracle", "softbank");
    }
}
