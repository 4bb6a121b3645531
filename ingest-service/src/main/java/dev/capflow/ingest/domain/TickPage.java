package dev.capflow.ingest.domain;

import java.util.List;

/** One page of a tick history read; {@code next} is where the next page starts, or null after the last page. */
public record TickPage(List<Tick> ticks, Tick.Position next) {}
