package dev.capflow.basket.engine;

/**
 * One member over a window: its target weight, its own price return in the basket currency, and its contribution to
 * the basket's total return (contributions of all members add up to the total return).
 */
public record Contribution(String symbol, double weight, double priceReturn, double contribution) {}
