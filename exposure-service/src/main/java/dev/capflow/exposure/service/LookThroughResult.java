package dev.capflow.exposure.service;

import dev.capflow.exposure.engine.Exposure;
import dev.capflow.exposure.valuation.Valuations;
import java.util.List;

/**
 * Every entity's exposure to {@code target} (an index of {@code model}), the values used, and by entity index whether
 * the stakes an entity holds are worth at least its own value ({@code markedBelowStakes}).
 */
public record LookThroughResult(
        GraphModel model, Valuations values, int target, List<Exposure> exposures, boolean[] markedBelowStakes) {}
