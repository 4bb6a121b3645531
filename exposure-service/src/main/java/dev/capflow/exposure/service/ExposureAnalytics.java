package dev.capflow.exposure.service;

import dev.capflow.exposure.baskets.BasketBook;
import dev.capflow.exposure.baskets.BasketImpacts;
import dev.capflow.exposure.baskets.BasketWeights;
import dev.capflow.exposure.domain.AmountChoice;
import dev.capflow.exposure.domain.GraphEntity;
import dev.capflow.exposure.domain.Shock;
import dev.capflow.exposure.domain.Snapshot;
import dev.capflow.exposure.domain.StressScenario;
import dev.capflow.exposure.engine.Clearing;
import dev.capflow.exposure.engine.ClearingResult;
import dev.capflow.exposure.engine.CrossHoldings;
import dev.capflow.exposure.engine.DebtRank;
import dev.capflow.exposure.engine.EquityCycles;
import dev.capflow.exposure.engine.LookThrough;
import dev.capflow.exposure.engine.LoopFinder;
import dev.capflow.exposure.engine.LoopQuery;
import dev.capflow.exposure.engine.StressResult;
import dev.capflow.exposure.valuation.Valuations;
import dev.capflow.exposure.valuation.Valuer;
import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The analyses of docs/stress-models.md on the stored graph: the graph is read in one session, values come from
 * {@link Valuer}, and the engine's CPU work runs on the worker pool, never on the event loop.
 */
@ApplicationScoped
public class ExposureAnalytics {

    private final GraphStore store;
    private final Valuer valuer;
    private final BasketWeights basketWeights;

    public ExposureAnalytics(GraphStore store, Valuer valuer, BasketWeights basketWeights) {
        this.store = store;
        this.valuer = valuer;
        this.basketWeights = basketWeights;
    }

    /** The funding loops of the graph in {@code snapshot}, with the {@code amounts} figures. */
    public Uni<LoopsResult> loops(Snapshot snapshot, LoopQuery query, AmountChoice amounts) {
        return store.contents(snapshot)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(contents -> {
                    GraphModel model = GraphModel.of(contents.entitiesById(), contents.edges(), List.of(), amounts);
                    return new LoopsResult(model, LoopFinder.find(model.graph(), query));
                });
    }

    /** Every entity's exposure to {@code target} in the graph in {@code snapshot}; every entity involved must be valued. */
    public Uni<LookThroughResult> lookThrough(String target, Snapshot snapshot, AmountChoice amounts) {
        return store.contents(snapshot).chain(contents -> {
            Map<String, GraphEntity> known = contents.entitiesById();
            if (!known.containsKey(target)) {
                throw new InvalidRequestException("target", "unknown entity " + target);
            }
            GraphModel model = GraphModel.of(known, contents.edges(), List.of(target), amounts);
            return valued(model, snapshot)
                    .emitOn(Infrastructure.getDefaultWorkerPool())
                    .map(values -> {
                        int index = model.graph().indexOf(target);
                        double[] valueUsd = values(model, values);
                        // look-through needs no primary value: an entity marked below its stakes is flagged, not
                        // refused
                        GraphRules.requireConditioned(model, null);
                        return new LookThroughResult(
                                model,
                                values,
                                index,
                                LookThrough.compute(model.graph(), valueUsd, revenues(model), index),
                                EquityCycles.markedBelowStakes(model.graph(), valueUsd));
                    })
                    .invoke(FiniteFigures::require);
        });
    }

    /**
     * The scenario run through its model on the graph at its date, with the impact on every basket. The basket weights
     * are read while the entities are valued and the model runs; without them the entity impacts are answered anyway.
     */
    public Uni<StressOutcome> stress(StressScenario scenario) {
        return store.contents(scenario.snapshot()).chain(contents -> {
            Map<String, GraphEntity> known = contents.entitiesById();
            requireShockedEntitiesKnown(scenario, known);
            GraphModel model = GraphModel.of(known, contents.edges(), scenario.shockedEntities(), scenario.amounts());
            Uni<StressOutcome> run = valued(model, scenario.snapshot())
                    .emitOn(Infrastructure.getDefaultWorkerPool())
                    .map(values -> run(scenario, model, values))
                    .invoke(FiniteFigures::require);
            return Uni.combine()
                    .all()
                    .unis(run, basketWeights.current())
                    .asTuple()
                    .map(both -> withBaskets(both.getItem1(), both.getItem2(), contents.entities()));
        });
    }

    private Uni<Valuations> valued(GraphModel model, Snapshot snapshot) {
        return valuer.value(model.entities(), snapshot)
                .invoke(values -> values.require(model.graph().entityIds()));
    }

    private static double[] values(GraphModel model, Valuations values) {
        return model.graph().entityIds().stream().mapToDouble(values::valueUsd).toArray();
    }

    private static StressOutcome run(StressScenario scenario, GraphModel model, Valuations valuations) {
        double[] values = values(model, valuations);
        double[] change = new double[values.length];
        for (Shock shock : scenario.shocks()) {
            change[model.graph().indexOf(shock.entity())] = shock.valueChange();
        }
        return switch (scenario.model()) {
            case CROSS_HOLDINGS -> {
                GraphRules.requireConditioned(model, null);
                GraphRules.requireShockablePrimaries(model, values, scenario.shockedEntities());
                yield outcome(
                        scenario,
                        model,
                        values,
                        valuations,
                        CrossHoldings.run(model.graph(), values, change, scenario.cascade()));
            }
            case DEBTRANK -> {
                double[] initialLoss = new double[change.length];
                for (int i = 0; i < change.length; i++) {
                    initialLoss[i] = -change[i];
                }
                yield outcome(
                        scenario,
                        model,
                        values,
                        valuations,
                        DebtRank.run(model.graph(), values, initialLoss, scenario.rule()));
            }
            case CLEARING -> {
                ClearingResult clearing = Clearing.run(
                        model.graph(),
                        values,
                        revenues(model),
                        model.entities().stream()
                                .mapToDouble(e -> e.cashUsd().orElse(Double.NaN))
                                .toArray(),
                        change,
                        scenario.clearing());
                yield new StressOutcome(
                        scenario, model, values, valuations, clearing.stress(), Optional.of(clearing), List.of(), "");
            }
        };
    }

    private static StressOutcome outcome(
            StressScenario scenario, GraphModel model, double[] values, Valuations valuations, StressResult result) {
        return new StressOutcome(scenario, model, values, valuations, result, Optional.empty(), List.of(), "");
    }

    /** Revenues by entity index, NaN when unknown. */
    private static double[] revenues(GraphModel model) {
        return model.entities().stream()
                .mapToDouble(e -> e.revenueUsd().isPresent() ? e.revenueUsd().getAsDouble() : Double.NaN)
                .toArray();
    }

    private static void requireShockedEntitiesKnown(StressScenario scenario, Map<String, GraphEntity> known) {
        List<FieldViolation> unknown = new ArrayList<>();
        for (int i = 0; i < scenario.shocks().size(); i++) {
            String entity = scenario.shocks().get(i).entity();
            if (!known.containsKey(entity)) {
                unknown.add(new FieldViolation("shocks[" + i + "].entity", "unknown entity " + entity));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException(unknown);
        }
    }

    /** The outcome with the basket impacts: a member moves by the relative change of the entity its symbol names. */
    private static StressOutcome withBaskets(StressOutcome outcome, BasketBook book, List<GraphEntity> entities) {
        Map<String, String> entityBySymbol = new HashMap<>();
        entities.forEach(entity -> entity.symbols().forEach(symbol -> entityBySymbol.put(symbol, entity.id())));
        Map<String, Double> change = new HashMap<>();
        double[] relative = outcome.result().relativeChange();
        for (int i = 0; i < relative.length; i++) {
            change.put(outcome.model().entity(i).id(), relative[i]);
        }
        return outcome.withBaskets(BasketImpacts.of(book, entityBySymbol, change), book.unavailableReason());
    }
}
