package dev.capflow.exposure.engine;

/**
 * A clearing stress run: the {@code baseline} (no shock) and {@code shocked} clearings, and the impact per entity in
 * {@code stress}: {@code relativeChange = -(unpaid_shocked - unpaid_baseline) / value}, receivables lost hitting equity
 * one for one.
 */
public record ClearingResult(ClearingState baseline, ClearingState shocked, StressResult stress) {}
