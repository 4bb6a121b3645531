package dev.capflow.basket.market;

/**
 * The FX instrument that converts {@code currency} into a basket currency; {@code invert} when it quotes the other
 * way round (USDJPY is JPY per USD, so a USD basket holding a JPY member uses 1/USDJPY).
 */
public record FxQuote(String currency, String symbol, boolean invert) {
}
