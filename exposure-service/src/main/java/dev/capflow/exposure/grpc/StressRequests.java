package dev.capflow.exposure.grpc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import dev.capflow.exposure.domain.AmountChoice;
import dev.capflow.exposure.domain.Shock;
import dev.capflow.exposure.domain.Snapshot;
import dev.capflow.exposure.domain.StressModel;
import dev.capflow.exposure.domain.StressScenario;
import dev.capflow.exposure.engine.CascadeOptions;
import dev.capflow.exposure.engine.DebtRankRule;
import dev.capflow.exposure.engine.GraphException;
import dev.capflow.proto.exposure.v1.StressOptions;
import dev.capflow.proto.exposure.v1.StressRequest;
import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;

/** Turns a StressRequest into a {@link StressScenario}, or an {@link InvalidRequestException} naming every bad field. */
final class StressRequests {

    private StressRequests() {
    }

    static StressScenario toScenario(StressRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        StressModel model = switch (request.getModel()) {
            case STRESS_MODEL_CROSS_HOLDINGS -> StressModel.CROSS_HOLDINGS;
            case STRESS_MODEL_DEBTRANK -> StressModel.DEBTRANK;
            default -> {
                violations.add(new FieldViolation("model", "one of STRESS_MODEL_CROSS_HOLDINGS, STRESS_MODEL_DEBTRANK is "
                        + "required, got " + describe(request.getModel(), request.getModelValue())));
                yield null;
            }
        };
        List<Shock> shocks = shocks(request, model, violations);
        StressOptions options = request.getOptions();
        CascadeOptions cascade = cascade(options, violations);
        DebtRankRule rule = switch (options.getDebtrankRule()) {
            case DEBT_RANK_RULE_UNSPECIFIED, DEBT_RANK_RULE_LINEAR_2015 -> DebtRankRule.LINEAR_2015;
            case DEBT_RANK_RULE_ORIGINAL_2012 -> DebtRankRule.ORIGINAL_2012;
            default -> {
                violations.add(new FieldViolation("options.debtrank_rule", "one of DEBT_RANK_RULE_LINEAR_2015, "
                        + "DEBT_RANK_RULE_ORIGINAL_2012, got " + describe(options.getDebtrankRule(), options.getDebtrankRuleValue())));
                yield null;
            }
        };
        Snapshot snapshot = ViewRequests.snapshot(request.getAsOf(), request.hasKnownAt(), request.getKnownAt(), violations);
        AmountChoice amounts = ViewRequests.amounts(request.getAmounts(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new StressScenario(model, shocks, cascade, rule, snapshot, amounts);
    }

    private static List<Shock> shocks(StressRequest request, StressModel model, List<FieldViolation> violations) {
        if (request.getShocksCount() == 0) {
            violations.add(new FieldViolation("shocks", "at least one shock is required"));
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
                violations.add(new FieldViolation(field + ".entity", entity + " is already shocked by shocks["
                        + seen.get(entity) + "]"));
            }
            if (!(change >= -1 && Double.isFinite(change))) {
                violations.add(new FieldViolation(field + ".value_change", "shock to " + entity
                        + ": a relative change must be a finite number >= -1, got " + change));
            } else if (model == StressModel.DEBTRANK && change > 0) {
                violations.add(new FieldViolation(field + ".value_change", "shock to " + entity
                        + ": DebtRank propagates losses only, so the change must be in [-1, 0], got " + change));
            }
            shocks.add(new Shock(entity, change));
        }
        return shocks;
    }

    /** The engine's own option checks, reported under the request's field names. */
    private static CascadeOptions cascade(StressOptions options, List<FieldViolation> violations) {
        try {
            return new CascadeOptions(options.hasTheta() ? OptionalDouble.of(options.getTheta()) : OptionalDouble.empty(),
                    options.getBeta());
        } catch (GraphException e) {
            violations.add(new FieldViolation(e.field(), e.reason()));
            return null;
        }
    }

    private static String describe(Enum<?> value, int number) {
        return value.name().equals("UNRECOGNIZED") ? "unknown value " + number : value.name();
    }
}
