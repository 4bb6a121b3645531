package dev.capflow.basket.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The prices a basket is computed from: each member's daily closes in its own currency, and for each foreign
 * currency an FX series in basket-currency units per one unit of that currency.
 */
public final class MarketData {

    private final Map<String, MemberPrices> members;
    private final Map<String, TimeSeries> fx;

    private MarketData(Map<String, MemberPrices> members, Map<String, TimeSeries> fx) {
        this.members = Map.copyOf(members);
        this.fx = Map.copyOf(fx);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The closes and currency of {@code symbol}, if given. */
    public Optional<MemberPrices> member(String symbol) {
        return Optional.ofNullable(members.get(symbol));
    }

    /** Basket-currency units per one unit of {@code currency}, if given. */
    public Optional<TimeSeries> fx(String currency) {
        return Optional.ofNullable(fx.get(currency));
    }

    /** A member's daily closes (split-adjusted for a price return, total-return adjusted for a total return) and their currency. */
    public record MemberPrices(String currency, TimeSeries closes) {}

    /** Collects member series and FX series. */
    public static final class Builder {

        private final Map<String, MemberPrices> members = new HashMap<>();
        private final Map<String, TimeSeries> fx = new HashMap<>();

        private Builder() {}

        /** The closes of {@code symbol}, quoted in {@code currency}. */
        public Builder member(String symbol, String currency, TimeSeries closes) {
            members.put(
                    Objects.requireNonNull(symbol, "symbol"),
                    new MemberPrices(
                            Objects.requireNonNull(currency, "currency"), Objects.requireNonNull(closes, "closes")));
            return this;
        }

        /** Basket-currency units per one unit of {@code currency} (for a USD basket and JPY: USD per JPY, that is 1/USDJPY). */
        public Builder fx(String currency, TimeSeries basketUnitsPerUnit) {
            fx.put(
                    Objects.requireNonNull(currency, "currency"),
                    Objects.requireNonNull(basketUnitsPerUnit, "basketUnitsPerUnit"));
            return this;
        }

        public MarketData build() {
            return new MarketData(members, fx);
        }
    }
}
