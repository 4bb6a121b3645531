package dev.capflow.basket.market;

/**
 * The FX series {@code symbol} that converts {@code currency} into a basket currency; it quotes {@code quotedIn} units
 * per one unit of the other currency, so {@code invert} when that is {@code currency} (DEXJPUS is JPY per USD, so a
 * USD basket holding a JPY member uses 1/DEXJPUS).
 */
public record FxQuote(String currency, String symbol, boolean invert, String quotedIn) {}
