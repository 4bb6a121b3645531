package dev.capflow.basket.domain;

/** One constituent of a basket: an instrument symbol and its target weight (a fraction). */
public record Member(String symbol, double weight) {}
