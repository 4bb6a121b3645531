package dev.capflow.basket.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.basket.domain.Basket;
import dev.capflow.basket.domain.Member;
import dev.capflow.basket.domain.Weighting;
import dev.capflow.basket.engine.BasketEngine;
import dev.capflow.basket.engine.Rebalance;
import dev.capflow.basket.engine.TimeSeries;
import dev.capflow.basket.market.FxQuote;
import dev.capflow.basket.market.LivePrice;
import dev.capflow.basket.market.MarketHistory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A live level is the engine's last level over the history with each symbol's newest price as the close of its date,
 * FX prices converted as their series are (DEXJPUS quotes yen per dollar: a USD basket uses its inverse).
 */
class LiveBasketTest {

    private static final LocalDate BASE = LocalDate.of(2025, 11, 3);
    private static final Basket BASKET = new Basket(
            "live",
            "live",
            "USD",
            BASE,
            100,
            Weighting.CUSTOM,
            Rebalance.MONTHLY,
            List.of(new Member("AAPL", 0.5), new Member("SONY", 0.3), new Member("IBM", 0.2)),
            3);
    private static final MarketHistory HISTORY = new MarketHistory(
            List.of("AAPL", "SONY", "IBM"),
            Map.of("AAPL", "USD", "SONY", "JPY", "IBM", "USD"),
            List.of(new FxQuote("JPY", "DEXJPUS", true, "JPY")),
            Map.of(
                    "AAPL", series(BASE, 200, 205, 210, 208),
                    "SONY", series(BASE, 3000, 3100, 3050, 3200),
                    "IBM", series(BASE, 150, 151, 149),
                    "DEXJPUS", series(BASE, 150, 151, 152, 153)),
            null);

    @Test
    void theLiveLevelIsTheEngineLevelWithTheNewestPricesAsCloses() {
        LiveBasket live = new LiveBasket(BASKET, HISTORY);
        Instant lastDay = BASE.plusDays(3).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        Instant nextMonth = LocalDate.of(2025, 12, 1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        List<LivePrice> prices = List.of(
                new LivePrice("AAPL", 211, lastDay.plusSeconds(60)), // replaces the last close
                new LivePrice("SONY", 3300, nextMonth.plusSeconds(30)), // a close on a new date: a month end before it
                new LivePrice("SONY", 3250, nextMonth.plusSeconds(10)), // older than the one kept
                new LivePrice("DEXJPUS", 149, nextMonth.plusSeconds(20)),
                new LivePrice("NOT-A-MEMBER", 1, nextMonth.plusSeconds(40)));

        assertThat(live.apply(prices)).isTrue();
        LiveLevel level = live.level();

        Map<String, TimeSeries> closes = new HashMap<>(HISTORY.closes());
        closes.put("AAPL", series(BASE, 200, 205, 210, 211));
        closes.put("SONY", withClose(HISTORY.closes().get("SONY"), LocalDate.of(2025, 12, 1), 3300));
        closes.put("DEXJPUS", withClose(HISTORY.closes().get("DEXJPUS"), LocalDate.of(2025, 12, 1), 149));
        MarketHistory extended = new MarketHistory(HISTORY.members(), HISTORY.currencies(), HISTORY.fx(), closes, null);
        TimeSeries expected = new BasketEngine()
                .levels(BASKET.toDefinition(), extended.data())
                .series();
        assertThat(level.level()).isEqualTo(expected.value(expected.size() - 1));
        assertThat(level.ts()).isEqualTo(nextMonth.plusSeconds(30));
        assertThat(level.basketVersion()).isEqualTo(3);
    }

    @Test
    void pricesOfOtherSymbolsDoNotMoveIt() {
        LiveBasket live = new LiveBasket(BASKET, HISTORY);
        double before = live.level().level();

        assertThat(live.apply(List.of(new LivePrice("MSFT", 400, Instant.now()))))
                .isFalse();
        assertThat(live.level().level()).isEqualTo(before);
    }

    /** Closes on consecutive days from {@code first}. */
    private static TimeSeries series(LocalDate first, double... closes) {
        TimeSeries.Builder builder = TimeSeries.builder();
        for (int i = 0; i < closes.length; i++) {
            builder.add(first.plusDays(i), closes[i]);
        }
        return builder.build();
    }

    private static TimeSeries withClose(TimeSeries series, LocalDate date, double close) {
        TimeSeries.Builder builder = TimeSeries.builder();
        for (int i = 0; i < series.size(); i++) {
            builder.add(series.date(i), series.value(i));
        }
        return builder.add(date, close).build();
    }
}
