package dev.capflow.basket.engine;

/** One constituent of a basket: its symbol and its target weight (a fraction). */
public record BasketMember(String symbol, double weight) {}
