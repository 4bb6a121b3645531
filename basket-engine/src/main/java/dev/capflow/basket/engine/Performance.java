package dev.capflow.basket.engine;

import java.time.LocalDate;
import java.util.List;

/** A basket over a window: the first and last calendar dates actually used, the level series, metrics and contributions. */
public record Performance(
        LocalDate from, LocalDate to, TimeSeries series, Metrics metrics, List<Contribution> contributions) {}
