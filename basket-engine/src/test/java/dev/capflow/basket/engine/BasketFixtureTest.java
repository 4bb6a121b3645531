package dev.capflow.basket.engine;

import static dev.capflow.basket.engine.Approx.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine on the real demo closes against reference values computed independently with pandas
 * (src/test/python/make_fixtures.py), within 1e-9 relative.
 */
class BasketFixtureTest {

    private static final double RELATIVE = 1e-9;
    private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures");
    private static final String COMPARISON_PREFIX = "compare-";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BasketEngine engine = new BasketEngine();

    static Stream<String> baskets() throws IOException {
        return fixtureNames().filter(name -> !name.startsWith(COMPARISON_PREFIX));
    }

    static Stream<String> comparisons() throws IOException {
        return fixtureNames().filter(name -> name.startsWith(COMPARISON_PREFIX));
    }

    private static Stream<String> fixtureNames() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            List<String> names = files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - 5))
                    .sorted()
                    .toList();
            assertThat(names).as("fixtures in %s", FIXTURES).isNotEmpty();
            return names.stream();
        }
    }

    private static JsonNode fixture(String name) throws IOException {
        return JSON.readTree(FIXTURES.resolve(name + ".json").toFile());
    }

    private static LocalDate dateOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : LocalDate.parse(node.asText());
    }

    /** The basket a fixture describes, priced from demo/prices with its FX series. */
    private BasketLevels levels(JsonNode fixture) {
        List<BasketMember> members = new ArrayList<>();
        MarketData.Builder data = MarketData.builder();
        for (JsonNode member : fixture.get("members")) {
            String symbol = member.get("symbol").asText();
            members.add(new BasketMember(symbol, member.get("weight").asDouble()));
            data.member(symbol, member.get("currency").asText(), DemoPrices.close(symbol));
        }
        fixture.get("fx").fields().forEachRemaining(entry -> {
            TimeSeries quoted = DemoPrices.close(entry.getValue().get("symbol").asText());
            data.fx(entry.getKey(), entry.getValue().get("invert").asBoolean() ? DemoPrices.inverse(quoted) : quoted);
        });
        BasketDefinition definition = new BasketDefinition(
                fixture.get("currency").asText(),
                LocalDate.parse(fixture.get("baseDate").asText()),
                fixture.get("baseValue").asDouble(),
                Rebalance.valueOf(fixture.get("rebalance").asText()),
                members);
        return engine.levels(definition, data.build());
    }

    /** A fixture's null is a figure the window cannot define, which the engine gives as NaN. */
    private static void assertCloseOrUndefined(double actual, JsonNode expected, String what) {
        if (expected.isNull()) {
            assertThat(actual).as(what).isNaN();
        } else {
            assertClose(actual, expected.asDouble(), RELATIVE, what);
        }
    }

    @ParameterizedTest
    @MethodSource("baskets")
    void levelsAgreeWithPandas(String name) throws IOException {
        JsonNode fixture = fixture(name);
        TimeSeries series = levels(fixture).series();

        JsonNode expected = fixture.get("series");
        assertThat(series.size()).isEqualTo(expected.size());
        for (int t = 0; t < series.size(); t++) {
            assertThat(series.date(t)).hasToString(expected.get(t).get("date").asText());
            assertClose(
                    series.value(t),
                    expected.get(t).get("level").asDouble(),
                    RELATIVE,
                    name + " level on " + series.date(t));
        }
        List<String> rebalances = new ArrayList<>();
        fixture.get("rebalanceDates").forEach(date -> rebalances.add(date.asText()));
        assertThat(levels(fixture).rebalanceDates()).map(LocalDate::toString).containsExactlyElementsOf(rebalances);
    }

    @ParameterizedTest
    @MethodSource("baskets")
    void metricsAndContributionsAgreeWithPandas(String name) throws IOException {
        JsonNode fixture = fixture(name);
        BasketLevels levels = levels(fixture);
        TimeSeries benchmark = DemoPrices.close(fixture.get("benchmark").asText());
        JsonNode benchmarkFx = fixture.get("benchmarkFx");
        if (benchmarkFx != null && !benchmarkFx.isNull()) {
            // in the basket currency, as basket-service converts it
            TimeSeries quoted = DemoPrices.close(benchmarkFx.get("symbol").asText());
            benchmark = FxConversion.convert(
                    benchmark, benchmarkFx.get("invert").asBoolean() ? DemoPrices.inverse(quoted) : quoted);
        }

        for (JsonNode window : fixture.get("windows")) {
            PerformanceQuery query = PerformanceQuery.between(
                            dateOrNull(window.get("from")), dateOrNull(window.get("to")))
                    .withBenchmark(benchmark)
                    .withRiskFreeRate(window.get("riskFreeRate").asDouble());
            Performance performance = engine.performance(levels, query);
            String label = name + " " + performance.from() + ".." + performance.to();

            assertThat(performance.from())
                    .hasToString(window.get("effectiveFrom").asText());
            assertThat(performance.to()).hasToString(window.get("effectiveTo").asText());
            JsonNode metrics = window.get("metrics");
            Metrics actual = performance.metrics();
            assertClose(actual.totalReturn(), metrics.get("totalReturn").asDouble(), RELATIVE, label + " totalReturn");
            assertCloseOrUndefined(
                    actual.annualizedReturn(), metrics.get("annualizedReturn"), label + " annualizedReturn");
            assertClose(
                    actual.annualizedVolatility(),
                    metrics.get("annualizedVolatility").asDouble(),
                    RELATIVE,
                    label + " annualizedVolatility");
            assertClose(actual.sharpe(), metrics.get("sharpe").asDouble(), RELATIVE, label + " sharpe");
            assertClose(actual.maxDrawdown(), metrics.get("maxDrawdown").asDouble(), RELATIVE, label + " maxDrawdown");
            assertThat(actual.maxDrawdownPeak()).isEqualTo(dateOrNull(metrics.get("maxDrawdownPeak")));
            assertThat(actual.maxDrawdownTrough()).isEqualTo(dateOrNull(metrics.get("maxDrawdownTrough")));
            assertClose(actual.beta(), metrics.get("beta").asDouble(), RELATIVE, label + " beta");
            assertClose(actual.correlation(), metrics.get("correlation").asDouble(), RELATIVE, label + " correlation");

            JsonNode contributions = window.get("contributions");
            assertThat(performance.contributions()).hasSize(contributions.size());
            for (int i = 0; i < contributions.size(); i++) {
                Contribution contribution = performance.contributions().get(i);
                JsonNode expected = contributions.get(i);
                String member = label + " " + contribution.symbol();
                assertThat(contribution.symbol())
                        .isEqualTo(expected.get("symbol").asText());
                assertThat(contribution.weight())
                        .isEqualTo(expected.get("weight").asDouble());
                assertClose(
                        contribution.priceReturn(), expected.get("return").asDouble(), RELATIVE, member + " return");
                assertClose(
                        contribution.contribution(),
                        expected.get("contribution").asDouble(),
                        RELATIVE,
                        member + " contribution");
                assertClose(
                        contribution.endWeight(),
                        expected.get("endWeight").asDouble(),
                        RELATIVE,
                        member + " endWeight");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("comparisons")
    void comparisonsAgreeWithPandas(String name) throws IOException {
        JsonNode fixture = fixture(name);
        Comparison comparison = engine.compare(
                levels(fixture(fixture.get("a").asText())),
                levels(fixture(fixture.get("b").asText())),
                null,
                null);

        JsonNode expected = fixture.get("series");
        assertThat(comparison.ratio().size()).isEqualTo(expected.size());
        for (int t = 0; t < expected.size(); t++) {
            JsonNode row = expected.get(t);
            String label = name + " on " + row.get("date").asText();
            assertThat(comparison.ratio().date(t)).hasToString(row.get("date").asText());
            assertClose(comparison.levelsA().value(t), row.get("levelA").asDouble(), RELATIVE, label + " levelA");
            assertClose(comparison.levelsB().value(t), row.get("levelB").asDouble(), RELATIVE, label + " levelB");
            assertClose(comparison.spread().value(t), row.get("spread").asDouble(), RELATIVE, label + " spread");
            assertClose(comparison.ratio().value(t), row.get("ratio").asDouble(), RELATIVE, label + " ratio");
        }
    }

    @Test
    void teamGoogleBeatsTeamOpenAiFromTheBaseDateToTheYearEnd() {
        LocalDate base = LocalDate.of(2025, 10, 29);
        LocalDate yearEnd = LocalDate.of(2025, 12, 31);
        BasketLevels google = seeded(base, "GOOGL", "AVGO", "CLS", "LITE", "TTMI");
        BasketLevels openAi = seeded(base, "NVDA", "MSFT", "SFTBY", "ORCL", "AMD", "CRWV");

        double googleReturn = engine.performance(google, PerformanceQuery.between(base, yearEnd))
                .metrics()
                .totalReturn();
        double openAiReturn = engine.performance(openAi, PerformanceQuery.between(base, yearEnd))
                .metrics()
                .totalReturn();
        assertThat(googleReturn).isGreaterThan(0.10);
        assertThat(openAiReturn).isLessThan(-0.20);
        TimeSeries spread = engine.compare(google, openAi, base, yearEnd).spread();
        assertClose(spread.value(spread.size() - 1), googleReturn - openAiReturn, RELATIVE, "spread at the year end");
    }

    private BasketLevels seeded(LocalDate base, String... symbols) {
        MarketData.Builder data = MarketData.builder();
        for (String symbol : symbols) {
            data.member(symbol, "USD", DemoPrices.close(symbol));
        }
        return engine.levels(BasketDefinition.equalWeight("USD", base, Rebalance.NONE, List.of(symbols)), data.build());
    }
}
