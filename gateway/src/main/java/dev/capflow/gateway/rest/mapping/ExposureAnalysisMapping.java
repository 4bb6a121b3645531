package dev.capflow.gateway.rest.mapping;

import static dev.capflow.gateway.rest.mapping.EntityMapping.emptyToNull;

import dev.capflow.gateway.request.EnumCodec;
import dev.capflow.gateway.request.Fields;
import dev.capflow.gateway.rest.dto.LookThroughView;
import dev.capflow.gateway.rest.dto.LoopsView;
import dev.capflow.gateway.rest.dto.StressInput;
import dev.capflow.gateway.rest.dto.StressView;
import dev.capflow.proto.exposure.v1.BasketImpact;
import dev.capflow.proto.exposure.v1.ClearingFigures;
import dev.capflow.proto.exposure.v1.DebtRankRule;
import dev.capflow.proto.exposure.v1.EntityImpact;
import dev.capflow.proto.exposure.v1.Exposure;
import dev.capflow.proto.exposure.v1.ListLoopsRequest;
import dev.capflow.proto.exposure.v1.ListLoopsResponse;
import dev.capflow.proto.exposure.v1.LookThroughRequest;
import dev.capflow.proto.exposure.v1.LookThroughResponse;
import dev.capflow.proto.exposure.v1.Loop;
import dev.capflow.proto.exposure.v1.Shock;
import dev.capflow.proto.exposure.v1.StressModel;
import dev.capflow.proto.exposure.v1.StressOptions;
import dev.capflow.proto.exposure.v1.StressRequest;
import dev.capflow.proto.exposure.v1.StressResponse;
import java.util.List;
import java.util.Locale;

/** Maps the loop, look-through and stress questions and answers between REST and the exposure contract. */
public final class ExposureAnalysisMapping {

    private static final EnumCodec<StressModel> MODELS = new EnumCodec<>(StressModel.class, "STRESS_MODEL_");
    private static final List<String> RULES = List.of("2015", "2012");
    /** The largest edge amount exposure-service stores (docs/decisions.md, "Bounds"): no loop's bottleneck is above. */
    private static final double MAX_MIN_USD = 1e13;

    private ExposureAnalysisMapping() {}

    public static ListLoopsRequest loopsRequest(
            String asOf, String knownAt, String amounts, Double minUsd, Integer maxLength, Integer limit) {
        Fields fields = new Fields();
        ListLoopsRequest.Builder request = ListLoopsRequest.newBuilder();
        ViewParams.snapshot(fields, asOf, knownAt, request::setAsOf, request::setKnownAt);
        ViewParams.amounts(fields, amounts, request::setAmounts);
        if (minUsd != null) {
            double min = fields.number("minUsd", minUsd);
            fields.check(
                    !(min < 0) && !(min > MAX_MIN_USD),
                    "minUsd",
                    "must be between 0 and 1e13 (the largest edge amount), got " + minUsd);
            request.setMinUsd(min);
        }
        if (maxLength != null) {
            fields.check(maxLength >= 1 && maxLength <= 50, "maxLength", "must be between 1 and 50");
            request.setMaxLength(maxLength);
        }
        if (limit != null) {
            fields.check(limit >= 1 && limit <= 100_000, "limit", "must be between 1 and 100000");
            request.setLimit(limit);
        }
        fields.throwIfInvalid();
        return request.build();
    }

    public static LookThroughRequest lookThroughRequest(String target, String asOf, String knownAt, String amounts) {
        Fields fields = new Fields();
        LookThroughRequest.Builder request = LookThroughRequest.newBuilder().setTarget(fields.text("target", target));
        ViewParams.snapshot(fields, asOf, knownAt, request::setAsOf, request::setKnownAt);
        ViewParams.amounts(fields, amounts, request::setAmounts);
        fields.throwIfInvalid();
        return request.build();
    }

    public static StressRequest stressRequest(StressInput input) {
        Fields fields = new Fields();
        StressRequest.Builder request = StressRequest.newBuilder();
        StressModel model = fields.oneOf("model", input.model(), MODELS);
        if (model != null) {
            request.setModel(model);
        }
        List<StressInput.Shock> shocks = input.shocks();
        fields.check(shocks != null && !shocks.isEmpty(), "shocks", "must name at least one shock");
        for (int i = 0; shocks != null && i < shocks.size(); i++) {
            StressInput.Shock shock = shocks.get(i);
            String at = "shocks[" + i + "]";
            if (shock == null) {
                fields.check(false, at, "must be an object {entity, valueChange}");
                continue;
            }
            request.addShocks(Shock.newBuilder()
                    .setEntity(fields.text(at + ".entity", shock.entity()))
                    .setValueChange(fields.number(at + ".valueChange", shock.valueChange())));
        }
        if (input.options() != null) {
            request.setOptions(options(fields, input.options(), model));
        }
        ViewParams.snapshot(fields, input.asOf(), input.knownAt(), request::setAsOf, request::setKnownAt);
        ViewParams.amounts(fields, input.amounts(), request::setAmounts);
        fields.throwIfInvalid();
        return request.build();
    }

    public static LoopsView toView(ListLoopsResponse response) {
        return new LoopsView(
                response.getLoopsList().stream()
                        .map(ExposureAnalysisMapping::toView)
                        .toList(),
                response.getTruncated(),
                response.getCircularSharesList().stream()
                        .map(share -> new LoopsView.CircularShare(share.getEntity(), share.getCircularShare()))
                        .toList());
    }

    public static LookThroughView toView(LookThroughResponse response) {
        return new LookThroughView(
                response.getTarget(),
                response.getTargetValueUsd(),
                response.getExposuresList().stream()
                        .map(ExposureAnalysisMapping::toView)
                        .toList());
    }

    public static StressView toView(StressResponse response) {
        return new StressView(
                MODELS.name(response.getModel()),
                response.getEntitiesList().stream()
                        .map(ExposureAnalysisMapping::toView)
                        .toList(),
                response.getBasketsList().stream()
                        .map(ExposureAnalysisMapping::toView)
                        .toList(),
                response.hasDebtRank() ? BasketMapping.finite(response.getDebtRank()) : null,
                response.getWaves(),
                response.getConverged(),
                emptyToNull(response.getBasketsUnavailable()));
    }

    /** REST's {@code beta} is the failure cost of CROSS_HOLDINGS and the cost on receivables of CLEARING. */
    private static StressOptions options(Fields fields, StressInput.Options options, StressModel model) {
        StressOptions.Builder proto = StressOptions.newBuilder();
        if (options.theta() != null) {
            proto.setTheta(fields.number("options.theta", options.theta()));
        }
        if (options.beta() != null) {
            double beta = fields.number("options.beta", options.beta());
            if (model == StressModel.STRESS_MODEL_CLEARING) {
                proto.setClearingBeta(beta);
            } else {
                proto.setBeta(beta);
            }
        }
        if (options.alpha() != null) {
            proto.setAlpha(fields.number("options.alpha", options.alpha()));
        }
        if (options.horizonYears() != null) {
            proto.setHorizonYears(fields.number("options.horizonYears", options.horizonYears()));
        }
        if (options.rule() != null) {
            String rule = options.rule().strip().toUpperCase(Locale.ROOT);
            fields.check(RULES.contains(rule), "options.rule", "must be one of " + RULES);
            proto.setDebtrankRule(
                    rule.equals("2012")
                            ? DebtRankRule.DEBT_RANK_RULE_ORIGINAL_2012
                            : DebtRankRule.DEBT_RANK_RULE_LINEAR_2015);
        }
        return proto.build();
    }

    private static LoopsView.Loop toView(Loop loop) {
        return new LoopsView.Loop(
                loop.getEntitiesList(),
                loop.getEdgesList().stream().map(EdgeMapping::toView).toList(),
                loop.hasBottleneckUsd() ? loop.getBottleneckUsd() : null,
                loop.getTotalUsd());
    }

    private static LookThroughView.Exposure toView(Exposure exposure) {
        return new LookThroughView.Exposure(
                exposure.getEntity(),
                exposure.getDirectShare(),
                exposure.getTotalShare(),
                exposure.getValueAtStakeUsd(),
                exposure.getFractionOfOwnValue(),
                exposure.getContractedInflowUsd(),
                exposure.hasInflowToRevenue() ? exposure.getInflowToRevenue() : null,
                exposure.getValueUsd(),
                exposure.hasValuation() ? EntityMapping.toView(exposure.getValuation()) : null,
                exposure.getMarkedBelowStakes());
    }

    private static StressView.EntityImpact toView(EntityImpact impact) {
        return new StressView.EntityImpact(
                impact.getEntity(),
                impact.getValueUsd(),
                impact.getRelativeChange(),
                impact.getValueLostUsd(),
                impact.hasFailedInWave() ? impact.getFailedInWave() : null,
                impact.hasValuation() ? EntityMapping.toView(impact.getValuation()) : null,
                impact.getMarkedBelowStakes(),
                impact.hasClearingBaseline() ? toView(impact.getClearingBaseline()) : null,
                impact.hasClearingShocked() ? toView(impact.getClearingShocked()) : null);
    }

    private static StressView.Clearing toView(ClearingFigures figures) {
        return new StressView.Clearing(
                figures.getObligationsUsd(),
                figures.getPaidUsd(),
                figures.getDefaulted(),
                figures.getUnpaidReceivablesUsd(),
                figures.hasUnpaidToRevenue() ? figures.getUnpaidToRevenue() : null,
                figures.getUnpaidToValue(),
                figures.getExternalResourcesUsd());
    }

    private static StressView.BasketImpact toView(BasketImpact impact) {
        return new StressView.BasketImpact(
                impact.getBasketId(),
                impact.getName(),
                // an unavailable basket has no level change (the service leaves it 0, or NaN before)
                impact.getUnavailableReason().isEmpty() ? BasketMapping.finite(impact.getLevelChange()) : null,
                impact.getMembersList().stream()
                        .map(member -> new StressView.MemberImpact(
                                member.getSymbol(),
                                emptyToNull(member.getEntity()),
                                member.getCurrentWeight(),
                                member.getRelativeChange()))
                        .toList(),
                emptyToNull(impact.getUnavailableReason()));
    }
}
