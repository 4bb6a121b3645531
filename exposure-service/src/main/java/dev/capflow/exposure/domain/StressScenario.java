package dev.capflow.exposure.domain;

import dev.capflow.exposure.engine.CascadeOptions;
import dev.capflow.exposure.engine.ClearingOptions;
import dev.capflow.exposure.engine.DebtRankRule;
import java.util.List;

/**
 * A validated stress request: the model, its shocks (one per entity), the options of each model (defaults for the models
 * not chosen), the graph's snapshot and the amounts choice.
 */
public record StressScenario(
        StressModel model,
        List<Shock> shocks,
        CascadeOptions cascade,
        DebtRankRule rule,
        ClearingOptions clearing,
        Snapshot snapshot,
        AmountChoice amounts) {

    public StressScenario {
        shocks = List.copyOf(shocks);
    }

    /** The shocked entity ids, in request order. */
    public List<String> shockedEntities() {
        return shocks.stream().map(Shock::entity).toList();
    }
}
