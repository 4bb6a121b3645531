package dev.capflow.exposure.grpc;

import dev.capflow.exposure.domain.AmountChoice;
import dev.capflow.exposure.domain.Shock;
import dev.capflow.exposure.domain.Snapshot;
import dev.capflow.exposure.domain.StressModel;
import dev.capflow.exposure.domain.StressScenario;
import dev.capflow.exposure.engine.CascadeOptions;
import dev.capflow.exposure.engine.ClearingOptions;
import dev.capflow.exposure.engine.CrossHoldings;
import dev.capflow.exposure.engine.DebtRankRule;
import dev.capflow.exposure.engine.GraphException;
import dev.capflow.proto.exposure.v1.StressOptions;
import dev.capflow.proto.exposure.v1.StressRequest;
import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Turns a StressRequest into a {@link StressScenario}, or an {@link InvalidRequestException} naming every bad field. */
final class StressRequests {

    /** Shocks one request may carry: far more entities than any funding graph holds, and a bound on the work. */
    static final int MAX_SHOCKS = 10_000;

    private StressRequests() {}

    static StressScenario toScenario(StressRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        StressModel model = switch (request.getModel()) {
            case STRESS_MODEL_CROSS_HOLDINGS -> StressModel.CROSS_HOLDINGS;
            case STRESS_MODEL_DEBTRANK -> StressModel.DEBTRANK;
            case STRESS_MODEL_CLEARING -> StressModel.CLEARING;
            default -> {
                violations.add(new FieldViolation(
                        "model",
                        "one of STRESS_MODEL_CROSS_HOLDINGS, STRESS_MODEL_DEBTRANK, "
                                + "STRESS_MODEL_CLEARING is required, got "
                                + describe(request.getModel(), request.getModelValue())));
                yield null;
            }
        };
        List<Shock> shocks = shocks(request, model, violations);
        StressOptions options = request.getOptions();
        if (model != null) {
            refuseOptionsOfOtherModels(options, model, violations);
        }
        CascadeOptions cascade = cascade(options, violations);
        ClearingOptions clearing = clearing(options, violations);
        DebtRankRule rule = switch (options.getDebtrankRule()) {
            case DEBT_RANK_RULE_UNSPECIFIED, DEBT_RANK_RULE_LINEAR_2015 -> DebtRankRule.LINEAR_2015;
            case DEBT_RANK_RULE_ORIGINAL_2012 -> DebtRankRule.ORIGINAL_2012;
            default -> {
                violations.add(new FieldViolation(
                        "options.debtrank_rule",
                        "one of DEBT_RANK_RULE_LINEAR_2015, " + "DEBT_RANK_RULE_ORIGINAL_2012, got "
                                + describe(options.getDebtrankRule(), options.getDebtrankRuleValue())));
                yield null;
            }
        };
        Snapshot snapshot =
                ViewRequests.snapshot(request.getAsOf(), request.hasKnownAt(), request.getKnownAt(), violations);
        AmountChoice amounts = ViewRequests.amounts(request.getAmounts(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new StressScenario(model, shocks, cascade, rule, clearing, snapshot, amounts);
    }

    private static List<Shock> shocks(StressRequest request, StressModel model, List<FieldViolation> violations) {
        if (request.getShocksCount() == 0) {
            violations.add(new FieldViolation("shocks", "at least one shock is required"));
        }
        if (request.getShocksCount() > MAX_SHOCKS) {
            // refused before any shock is read, so the refusal costs the same however long the list is
            throw new InvalidRequestException(
                    "shocks", "at most " + MAX_SHOCKS + " shocks (one per entity), got " + request.getShocksCount());
        }
        List<Shock> shocks = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < request.getShocksCount(); i++) {
            String entity = request.getShocks(i).getEntity().trim();
            double change = request.getShocks(i).getValueChange();
            String field = "shocks[" + i + "]";
            if (entity.isEmpty()) {
                violations.add(new FieldViolation(field + ".entity", "the id of the shocked entity is required"));
            } else if (seen.putIfAbsent(entity, i) != null) {
                violations.add(new FieldViolation(
                        field + ".entity", entity + " is already shocked by shocks[" + seen.get(entity) + "]"));
            }
            if (!(change >= -1 && change <= CrossHoldings.MAX_VALUE_CHANGE)) {
                violations.add(new FieldViolation(
                        field + ".value_change",
                        "shock to " + entity + ": a relative change must be in [-1, " + CrossHoldings.MAX_VALUE_CHANGE
                                + "], got " + change));
            } else if (model == StressModel.DEBTRANK && change > 0) {
                violations.add(new FieldViolation(
                        field + ".value_change",
                        "shock to " + entity
                                + ": DebtRank propagates losses only, so the change must be in [-1, 0], got "
                                + change));
            }
            shocks.add(new Shock(entity, change));
        }
        return shocks;
    }

    /** The engine's own option checks, reported under the request's field names. */
    private static CascadeOptions cascade(StressOptions options, List<FieldViolation> violations) {
        try {
            return new CascadeOptions(
                    options.hasTheta() ? OptionalDouble.of(options.getTheta()) : OptionalDouble.empty(),
                    options.getBeta());
        } catch (GraphException e) {
            violations.add(new FieldViolation(e.field(), e.reason()));
            return null;
        }
    }

    /** Each option belongs to one model; setting it with another would be silently ignored, so it is refused. */
    private static void refuseOptionsOfOtherModels(
            StressOptions options, StressModel model, List<FieldViolation> violations) {
        if (model == StressModel.CROSS_HOLDINGS && options.getBeta() != 0 && !options.hasTheta()) {
            // named at the missing option: the beta sent is fine, it only needs a theta to apply to
            violations.add(new FieldViolation(
                    "options.theta",
                    "is required with options.beta: the failure cost applies to entities that fail, and theta is "
                            + "the failure threshold (a fraction of today's value) that says which do"));
        }
        if (model != StressModel.CROSS_HOLDINGS) {
            refuseIf(options.hasTheta(), "options.theta", StressModel.CROSS_HOLDINGS, model, violations);
            refuseIf(options.getBeta() != 0, "options.beta", StressModel.CROSS_HOLDINGS, model, violations);
        }
        if (model != StressModel.DEBTRANK) {
            refuseIf(
                    options.getDebtrankRuleValue() != 0,
                    "options.debtrank_rule",
                    StressModel.DEBTRANK,
                    model,
                    violations);
        }
        if (model != StressModel.CLEARING) {
            refuseIf(options.hasAlpha(), "options.alpha", StressModel.CLEARING, model, violations);
            refuseIf(options.hasClearingBeta(), "options.clearing_beta", StressModel.CLEARING, model, violations);
            refuseIf(options.hasHorizonYears(), "options.horizon_years", StressModel.CLEARING, model, violations);
        }
    }

    private static void refuseIf(
            boolean set, String field, StressModel owner, StressModel chosen, List<FieldViolation> violations) {
        if (set) {
            violations.add(new FieldViolation(field, "applies to " + owner + " only, not to " + chosen));
        }
    }

    /** The clearing options (absent: 5 years of revenue, no default costs), checked by the engine. */
    private static ClearingOptions clearing(StressOptions options, List<FieldViolation> violations) {
        double horizon = options.hasHorizonYears() ? options.getHorizonYears() : ClearingOptions.DEFAULT_HORIZON_YEARS;
        double alpha = options.hasAlpha() ? options.getAlpha() : 1;
        double beta = options.hasClearingBeta() ? options.getClearingBeta() : 1;
        try {
            return new ClearingOptions(horizon, alpha, beta);
        } catch (GraphException e) {
            violations.add(new FieldViolation(
                    e.field().equals("options.beta") ? "options.clearing_beta" : e.field(), e.reason()));
            return null;
        }
    }

    private static String describe(Enum<?> value, int number) {
        return value.name().equals("UNRECOGNIZED") ? "unknown value " + number : value.name();
    }
}
