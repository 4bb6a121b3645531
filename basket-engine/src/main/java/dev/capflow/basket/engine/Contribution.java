package dev.capflow.basket.engine;

/**
 * One member over a window: its target weight, its own price return in the basket currency, its contribution to the
 * basket's total return (contributions of all members add up to the total return), and its end weight: its share of
 * the basket's value at the window's last close, held with the units in force that day (before any rebalance at that
 * close). The end weights add up to 1; at the latest close they are the basket's current holdings.
 */
public record Contribution(String symbol, double weight, double priceReturn, double contribution, double endWeight) {}
