package dev.capflow.exposure.baskets;

/** How one basket member moves: its entity (empty when none) and that entity's relative change. */
public record MemberImpact(String symbol, String entity, double currentWeight, double relativeChange) {}
