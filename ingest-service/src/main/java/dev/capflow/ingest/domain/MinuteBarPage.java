package dev.capflow.ingest.domain;

import java.time.Instant;
import java.util.List;

/** One page of minute bars; {@code next} is the minute after which the next page starts, or null after the last page. */
public record MinuteBarPage(List<MinuteBar> bars, Instant next) {}
