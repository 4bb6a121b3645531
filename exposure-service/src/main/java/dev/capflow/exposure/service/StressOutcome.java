package dev.capflow.exposure.service;

import dev.capflow.exposure.baskets.BasketImpact;
import dev.capflow.exposure.domain.StressScenario;
import dev.capflow.exposure.engine.ClearingResult;
import dev.capflow.exposure.engine.EquityCycles;
import dev.capflow.exposure.engine.StressResult;
import dev.capflow.exposure.valuation.Valuations;
import java.util.List;
import java.util.Optional;

/**
 * A stress test's answer: the engine's result over {@code model} (arrays by entity index), the pre-shock values (and how
 * each was obtained), the baseline and shocked clearings (CLEARING only), and the basket impacts (empty, with
 * {@code basketsUnavailable} set, when basket-service could not be read).
 */
public record StressOutcome(
        StressScenario scenario,
        GraphModel model,
        double[] values,
        Valuations valuations,
        StressResult result,
        Optional<ClearingResult> clearing,
        List<BasketImpact> baskets,
        String basketsUnavailable) {

    /** The outcome with the basket impacts. */
    StressOutcome withBaskets(List<BasketImpact> impacts, String unavailable) {
        return new StressOutcome(scenario, model, values, valuations, result, clearing, impacts, unavailable);
    }

    /** By entity index, whether the stakes an entity holds are worth at least its own pre-shock value. */
    public boolean[] markedBelowStakes() {
        return EquityCycles.markedBelowStakes(model.graph(), values);
    }
}
