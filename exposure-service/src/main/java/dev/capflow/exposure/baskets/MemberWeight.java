package dev.capflow.exposure.baskets;

/** A basket member and its weight by current value. */
public record MemberWeight(String symbol, double currentWeight) {}
