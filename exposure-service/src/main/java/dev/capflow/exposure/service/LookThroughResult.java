package dev.capflow.exposure.service;

import dev.capflow.exposure.engine.Exposure;
import dev.capflow.exposure.valuation.Valuations;
import java.util.List;

/** Every entity's exposure to {@code target} (an index of {@code model}), and the values used. */
public record LookThroughResult(GraphModel model, Valuations values, int target, List<Exposure> exposures) {}
