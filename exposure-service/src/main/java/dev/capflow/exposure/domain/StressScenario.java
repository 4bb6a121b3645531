package dev.capflow.exposure.domain;

import java.util.List;

import dev.capflow.exposure.engine.CascadeOptions;
import dev.capflow.exposure.engine.DebtRankRule;

/** A validated stress request: the model, its shocks (one per entity), the model options, the graph's snapshot and amounts. */
public record StressScenario(StressModel model, List<Shock> shocks, CascadeOptions cascade, DebtRankRule rule,
        Snapshot snapshot, AmountChoice amounts) {

    public StressScenario {
        shocks = List.copyOf(shocks);
    }

    /** The shocked entity ids, in request order. */
    public List<String> shockedEntities() {
        return shocks.stream().map(Shock::entity).toList();
    }
}
