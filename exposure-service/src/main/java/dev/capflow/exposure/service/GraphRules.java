package dev.capflow.exposure.service;

import dev.capflow.exposure.domain.AmountChoice;
import dev.capflow.exposure.domain.GraphEdge;
import dev.capflow.exposure.domain.GraphEntity;
import dev.capflow.exposure.domain.PreconditionException;
import dev.capflow.exposure.engine.EquityCycles;
import dev.capflow.exposure.engine.GraphException;
import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules over the whole graph, checked on the graph as it would be after a write: both ends of every edge are known
 * entities, the engine accepts the graph (in particular the shares held in one entity sum to less than 1), and no equity
 * cycle makes {@code I - S} nearly singular.
 */
final class GraphRules {

    /** The PreconditionFailure type of an ill-conditioned equity cycle (the gateway answers it with 422). */
    static final String EQUITY_CYCLE = "EQUITY_CYCLE";

    /** The PreconditionFailure type of a non-positive primary value (the gateway answers it with 422). */
    static final String PRIMARY_VALUE = "PRIMARY_VALUE";

    /** The engine's field names and their request spelling. */
    private static final Map<String, String> FIELDS = Map.of(
            "edge.id",
            "id",
            "edge.from",
            "from",
            "edge.to",
            "to",
            "edge.share",
            "share",
            "edge.amountUsd",
            "amount_usd");

    private GraphRules() {}

    /**
     * Fails with an {@link InvalidRequestException} naming fields under {@code prefix} unless {@code written} joins two
     * of {@code entities} and {@code edges} (which include it) form a valid graph.
     */
    static void check(
            List<GraphEntity> entities, List<GraphEdge> edges, GraphEdge written, String prefix, LocalDate date) {
        Set<String> known = entities.stream().map(GraphEntity::id).collect(Collectors.toSet());
        List<FieldViolation> unknown = new ArrayList<>();
        if (!known.contains(written.from())) {
            unknown.add(
                    new FieldViolation(prefix + "from", "edge " + written.id() + ": unknown entity " + written.from()));
        }
        if (!known.contains(written.to())) {
            unknown.add(new FieldViolation(prefix + "to", "edge " + written.id() + ": unknown entity " + written.to()));
        }
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException(unknown);
        }
        GraphModel model;
        try {
            model = GraphModel.of(entities, edges, AmountChoice.BASE);
        } catch (GraphException e) {
            throw new InvalidRequestException(prefix + FIELDS.getOrDefault(e.field(), e.field()), describe(e));
        }
        requireConditioned(model, date);
    }

    /**
     * Fails with FAILED_PRECONDITION naming the edges of the worst equity cycle when, on {@code date}, an entity owns more
     * than {@link EquityCycles#MAX_SELF_STAKE} of itself through cycles ({@code I - S} nearly singular).
     */
    static void requireConditioned(GraphModel model, LocalDate date) {
        EquityCycles.worst(model.graph()).ifPresent(cycle -> {
            String edgesNamed = String.join(", ", cycle.edgeIds())
                    + (cycle.edgeCount() > cycle.edgeIds().size()
                            ? " and " + (cycle.edgeCount() - cycle.edgeIds().size()) + " more"
                            : "");
            String when = date == null ? "" : " on " + date;
            throw new PreconditionException(List.of(new PreconditionException.Violation(
                    EQUITY_CYCLE,
                    edgesNamed,
                    String.format(
                            Locale.ROOT,
                            "the equity cycle of edges %s makes %s own %s of itself%s (at most %s "
                                    + "allowed): I - S is nearly singular and every look-through and cross-holdings figure would "
                                    + "be amplified past meaning",
                            edgesNamed,
                            cycle.entityId(),
                            percent(cycle.selfStake()),
                            when,
                            percent(EquityCycles.MAX_SELF_STAKE)))));
        });
    }

    /**
     * Fails with FAILED_PRECONDITION (type PRIMARY_VALUE) naming each shocked entity whose stakes in others are worth at
     * least as much as it is at {@code values}: its primary value {@code P = (I - S) E} is not
     * positive, so scaling it by the shock would move the wrong way. Other such entities are answered with a flag, not
     * refused: their primary values are not scaled. Checked with the day's values, which a write does not know.
     */
    static void requireShockablePrimaries(GraphModel model, double[] values, List<String> shocked) {
        boolean[] markedBelowStakes = EquityCycles.markedBelowStakes(model.graph(), values);
        List<PreconditionException.Violation> violations = new ArrayList<>();
        for (String id : shocked) {
            int entity = model.graph().indexOf(id);
            if (markedBelowStakes[entity]) {
                violations.add(new PreconditionException.Violation(
                        PRIMARY_VALUE,
                        id,
                        String.format(
                                Locale.ROOT,
                                "the stakes %s holds (edges %s) are worth at least its own value of %s USD: its primary"
                                        + " value (I - S) E is not positive, so the cross-holdings model cannot shock it",
                                id,
                                String.join(", ", EquityCycles.stakesHeldBy(model.graph(), entity)),
                                usd(values[entity]))));
            }
        }
        if (!violations.isEmpty()) {
            throw new PreconditionException(violations);
        }
    }

    /** Whole dollars, or three significant digits below one dollar (a mark of 1e-300 is not "0 USD"). */
    private static String usd(double value) {
        return Math.abs(value) >= 1
                ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.3g", value);
    }

    private static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f%%", fraction * 100) : "an unbounded share";
    }

    /** The engine's reason, naming its subject unless the reason already does. */
    static String describe(GraphException e) {
        return e.reason().contains(e.subject()) ? e.reason() : e.subject() + ": " + e.reason();
    }
}
