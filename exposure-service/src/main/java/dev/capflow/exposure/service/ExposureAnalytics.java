package dev.capflow.exposure.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.capflow.exposure.baskets.BasketBook;
import dev.capflow.exposure.baskets.BasketImpacts;
import dev.capflow.exposure.baskets.BasketWeights;
import dev.capflow.exposure.domain.AmountChoice;
import dev.capflow.exposure.domain.GraphEntity;
import dev.capflow.exposure.domain.Shock;
import dev.capflow.exposure.domain.Snapshot;
import dev.capflow.exposure.domain.StressModel;
import dev.capflow.exposure.domain.StressScenario;
import dev.capflow.exposure.engine.CrossHoldings;
import dev.capflow.exposure.engine.DebtRank;
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

/**
 * The analyses of DESIGN section 5 on the stored graph: the graph is read in one session, values come from
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
            return valued(model, snapshot).emitOn(Infrastructure.getDefaultWorkerPool()).map(values -> {
                int index = model.graph().indexOf(target);
                double[] revenues = model.entities().stream()
                        .mapToDouble(e -> e.revenueUsd().isPresent() ? e.revenueUsd().getAsDouble() : Double.NaN).toArray();
                return new LookThroughResult(model, values, index,
                        LookThrough.compute(model.graph(), values(model, values), revenues, index));
            });
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
            Uni<StressOutcome> run = valued(model, scenario.snapshot()).emitOn(Infrastructure.getDefaultWorkerPool()).map(values -> {
                double[] before = values(model, values);
                return new StressOutcome(scenario, model, before, values, run(scenario, model, before), List.of(), "");
            });
            return Uni.combine().all().unis(run, basketWeights.current()).asTuple()
                    .map(both -> withBaskets(both.getItem1(), both.getItem2(), contents.entities()));
        });
    }

    private Uni<Valuations> valued(GraphModel model, Snapshot snapshot) {
        return valuer.value(model.entities(), snapshot).invoke(values -> values.require(model.graph().entityIds()));
    }

    private static double[] values(GraphModel model, Valuations values) {
        return model.graph().entityIds().stream().mapToDouble(values::valueUsd).toArray();
    }

    private static StressResult run(StressScenario scenario, GraphModel model, double[] values) {
        double[] change = new double[values.length];
        for (Shock shock : scenario.shocks()) {
            change[model.graph().indexOf(shock.entity())] = shock.valueChange();
        }
        if (scenario.model() == StressModel.CROSS_HOLDINGS) {
            return CrossHoldings.run(model.graph(), values, change, scenario.cascade());
        }
        double[] initialLoss = new double[change.length];
        for (int i = 0; i < change.length; i++) {
            initialLoss[i] = -change[i];
        }
        return DebtRank.run(model.graph(), values, initialLoss, scenario.rule());
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
        return new StressOutcome(outcome.scenario(), outcome.model(), outcome.values(), outcome.valuations(), outcome.result(),
                BasketImpacts.of(book, entityBySymbol, change), book.unavailableReason());
    }
}
