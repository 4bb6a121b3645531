package dev.capflow.exposure.valuation;

import java.time.LocalDate;

/**
 * An entity's value in USD and how it was obtained: for {@link ValuationMethod#MARKET_CAP} the price, the shares and
 * the FX rate used (null for a USD instrument); for {@link ValuationMethod#MARK} the mark's date and source.
 */
public record EntityValue(
        double valueUsd,
        ValuationMethod method,
        MarketQuote price,
        long sharesOutstanding,
        MarketQuote fx,
        LocalDate asOf,
        String source) {

    static EntityValue marketCap(MarketQuote price, long shares, MarketQuote fx) {
        double local = price.price() * shares;
        return new EntityValue(
                fx == null ? local : local / fx.price(), ValuationMethod.MARKET_CAP, price, shares, fx, null, "");
    }

    static EntityValue mark(double valueUsd, LocalDate asOf, String source) {
        return new EntityValue(valueUsd, ValuationMethod.MARK, null, 0, null, asOf, source);
    }
}
