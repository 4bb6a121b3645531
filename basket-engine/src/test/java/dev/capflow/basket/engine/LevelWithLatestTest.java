package dev.capflow.basket.engine;

import static dev.capflow.basket.engine.Series.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import dev.capflow.randomcases.RandomCases;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A level resumed from the stored history equals, bit for bit, the engine's last level over the whole history with the
 * latest closes applied (computed here by rebuilding every series).
 */
class LevelWithLatestTest {

    private final BasketEngine engine = new BasketEngine();

    /** Where a latest close falls against its series' last close and the basket's last date. */
    private enum Placement {
        NONE,
        OLDER_THAN_LAST_CLOSE,
        ON_LAST_CLOSE,
        BEFORE_BASKET_LAST_DATE,
        AFTER_BASKET_LAST_DATE
    }

    @Test
    void equalsTheFullComputationOverRandomBasketsAndLatestCloses() {
        RandomCases.check(20_261_205L, 600, draw -> {
            Scenario scenario = Scenario.random(
                    draw.anyLong("seed"),
                    draw.between("members", 1, 8),
                    draw.between("days", 1, 120),
                    draw.oneOf("rule", Rebalance.values()));
            List<String> symbols = scenario.definition().symbols();
            int basketLastDay = scenario.closes().stream()
                    .mapToInt(closes -> closes.epochDay(closes.size() - 1))
                    .max()
                    .orElseThrow();
            Map<String, LatestClose> memberCloses = new HashMap<>();
            for (int i = 0; i < symbols.size(); i++) {
                String symbol = symbols.get(i);
                latest(draw, symbol, scenario.closes().get(i), basketLastDay)
                        .ifPresent(close -> memberCloses.put(symbol, close));
            }
            Map<String, LatestClose> fxRates = new HashMap<>();
            latest(draw, "EUR", scenario.eurFx(), basketLastDay).ifPresent(rate -> fxRates.put("EUR", rate));

            double expected = fullLevel(scenario, memberCloses, fxRates);
            double resumed =
                    LevelWithLatest.of(scenario.definition(), scenario.data()).level(memberCloses, fxRates);

            assertThat(resumed).isEqualTo(expected);
        });
    }

    @Test
    void aRebalancedBasketResetsAtItsLastStoredCloseWhenTheLatestOpensAMonth() {
        // the last stored close, 01-31, becomes a month end (a rebalance) only once a February close follows it
        MarketData data = MarketData.builder()
                .member("A", "USD", Series.of("2024-01-02", 10, "2024-01-15", 12, "2024-01-31", 15))
                .member("B", "EUR", Series.of("2024-01-02", 20, "2024-01-15", 18, "2024-01-31", 16))
                .fx("EUR", Series.of("2024-01-02", 1.1, "2024-01-31", 1.2))
                .build();
        BasketDefinition basket =
                BasketDefinition.equalWeight("USD", date("2024-01-02"), Rebalance.MONTHLY, List.of("A", "B"));
        Map<String, LatestClose> closes = Map.of("A", new LatestClose(date("2024-02-01"), 16));
        Map<String, LatestClose> rates = Map.of("EUR", new LatestClose(date("2024-02-01"), 1.15));

        double expected = fullLevel(basket, data, closes, rates);
        assertThat(LevelWithLatest.of(basket, data).level(closes, rates)).isEqualTo(expected);
        // reset on 01-31 at level L = 5*15 + 50/22*16*1.2: A holds L/2/15, B L/2/(16*1.2); B moves with the rate only
        double level = 5 * 15 + 50 / 22.0 * 16 * 1.2;
        assertThat(expected).isCloseTo(level / 2 / 15 * 16 + level / 2 / (16 * 1.2) * 16 * 1.15, within(1e-12));
    }

    @Test
    void withoutLatestClosesItIsTheStoredLastLevel() {
        Scenario scenario = Scenario.random(7, 4, 60, Rebalance.QUARTERLY);
        BasketLevels stored = engine.levels(scenario.definition(), scenario.data());

        assertThat(LevelWithLatest.of(scenario.definition(), scenario.data()).level(Map.of(), Map.of()))
                .isEqualTo(stored.series().value(stored.size() - 1));
    }

    @Test
    void aLatestCloseTheEngineRejectsFailsAsTheFullComputationDoes() {
        Scenario scenario = Scenario.random(11, 3, 40, Rebalance.NONE);
        TimeSeries last = scenario.closes().get(0);
        Map<String, LatestClose> bad =
                Map.of("M0", new LatestClose(last.lastDate().plusDays(1), -1));

        Throwable expected = catchThrowable(() -> fullLevel(scenario, bad, Map.of()));
        assertThat(expected).isInstanceOf(BasketArgumentException.class);
        assertThatThrownBy(() -> LevelWithLatest.of(scenario.definition(), scenario.data())
                        .level(bad, Map.of()))
                .isInstanceOf(BasketArgumentException.class)
                .hasMessage(expected.getMessage());
    }

    private static Optional<LatestClose> latest(RandomCases draw, String name, TimeSeries series, int basketLastDay) {
        int last = series.epochDay(series.size() - 1);
        double value = series.value(series.size() - 1) * draw.between(name + " move", 0.5, 1.5);
        int day = switch (draw.oneOf(name + " latest", Placement.values())) {
            case NONE -> Integer.MIN_VALUE;
            case OLDER_THAN_LAST_CLOSE -> last - draw.between(name + " days before", 1, 30);
            case ON_LAST_CLOSE -> last;
            case BEFORE_BASKET_LAST_DATE -> draw.between(name + " day", last + 1, Math.max(last + 1, basketLastDay));
            case AFTER_BASKET_LAST_DATE -> basketLastDay + draw.between(name + " days after", 1, 45);
        };
        return day == Integer.MIN_VALUE
                ? Optional.empty()
                : Optional.of(new LatestClose(LocalDate.ofEpochDay(day), value));
    }

    private double fullLevel(Scenario scenario, Map<String, LatestClose> closes, Map<String, LatestClose> rates) {
        MarketData.Builder data = MarketData.builder().fx("EUR", scenario.eurFx());
        for (int i = 0; i < scenario.closes().size(); i++) {
            data.member(
                    scenario.definition().symbols().get(i),
                    scenario.currencies().get(i),
                    scenario.closes().get(i));
        }
        return fullLevel(scenario.definition(), data.build(), closes, rates);
    }

    /** The engine's last level over every series rebuilt with its latest close: the reference. */
    private double fullLevel(
            BasketDefinition basket, MarketData data, Map<String, LatestClose> closes, Map<String, LatestClose> rates) {
        MarketData.Builder extended = MarketData.builder();
        for (String symbol : basket.symbols()) {
            MarketData.MemberPrices member = data.member(symbol).orElseThrow();
            extended.member(symbol, member.currency(), rebuilt(member.closes(), closes.get(symbol)));
            data.fx(member.currency())
                    .ifPresent(rate -> extended.fx(member.currency(), rebuilt(rate, rates.get(member.currency()))));
        }
        TimeSeries levels = engine.levels(basket, extended.build()).series();
        return levels.value(levels.size() - 1);
    }

    /** The series with {@code latest} as the close of its date, unless it is older than the last close. */
    private static TimeSeries rebuilt(TimeSeries series, LatestClose latest) {
        if (latest == null || latest.date().isBefore(series.lastDate())) {
            return series;
        }
        TimeSeries.Builder builder = TimeSeries.builder();
        for (int i = 0; i < series.size(); i++) {
            if (series.date(i).isBefore(latest.date())) {
                builder.add(series.date(i), series.value(i));
            }
        }
        return builder.add(latest.date(), latest.value()).build();
    }
}
