package dev.capflow.exposure.domain;

/** A shock to one entity: its primary value is scaled by {@code 1 + valueChange}. */
public record Shock(String entity, double valueChange) {}
