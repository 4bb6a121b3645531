package dev.capflow.basket.domain;

/** Which closes a performance is computed from: split-adjusted (price return) or with dividends reinvested (total return). */
public enum ReturnType {
    PRICE,
    TOTAL
}
