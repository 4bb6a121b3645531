package dev.capflow.basket.engine;

/**
 * Two baskets on the union of their calendars from their common start: both levels (carried forward), the spread of
 * their total returns since that start, and the ratio of their levels. All four series share the same dates.
 */
public record Comparison(TimeSeries levelsA, TimeSeries levelsB, TimeSeries spread, TimeSeries ratio) {}
