package dev.capflow.exposure.grpc;

import dev.capflow.exposure.baskets.BasketImpact;
import dev.capflow.exposure.domain.StressModel;
import dev.capflow.exposure.engine.ClearingState;
import dev.capflow.exposure.engine.Exposure;
import dev.capflow.exposure.engine.Loop;
import dev.capflow.exposure.engine.StressResult;
import dev.capflow.exposure.service.GraphModel;
import dev.capflow.exposure.service.LookThroughResult;
import dev.capflow.exposure.service.LoopsResult;
import dev.capflow.exposure.service.StressOutcome;
import dev.capflow.proto.exposure.v1.BasketMemberImpact;
import dev.capflow.proto.exposure.v1.CircularShare;
import dev.capflow.proto.exposure.v1.ClearingFigures;
import dev.capflow.proto.exposure.v1.EntityImpact;
import dev.capflow.proto.exposure.v1.ListLoopsResponse;
import dev.capflow.proto.exposure.v1.LookThroughResponse;
import dev.capflow.proto.exposure.v1.StressResponse;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Turns the engine's answers (by entity index) into capflow.exposure.v1 responses (by entity id). */
final class AnalysisMapper {

    private AnalysisMapper() {}

    static ListLoopsResponse toProto(LoopsResult result) {
        GraphModel model = result.model();
        ListLoopsResponse.Builder proto =
                ListLoopsResponse.newBuilder().setTruncated(result.search().truncated());
        for (Loop loop : result.search().loops()) {
            dev.capflow.proto.exposure.v1.Loop.Builder found =
                    dev.capflow.proto.exposure.v1.Loop.newBuilder().setTotalUsd(loop.totalUsd());
            loop.entities().forEach(i -> found.addEntities(model.entity(i).id()));
            loop.edges().forEach(edge -> found.addEdges(ProtoMapper.toProto(model.edge(edge))));
            loop.bottleneckUsd().ifPresent(found::setBottleneckUsd);
            proto.addLoops(found);
        }
        double[] circular = result.search().circularShare();
        for (int i = 0; i < circular.length; i++) {
            proto.addCircularShares(
                    CircularShare.newBuilder().setEntity(model.entity(i).id()).setCircularShare(circular[i]));
        }
        return proto.build();
    }

    static LookThroughResponse toProto(LookThroughResult result) {
        GraphModel model = result.model();
        String target = model.entity(result.target()).id();
        LookThroughResponse.Builder proto = LookThroughResponse.newBuilder()
                .setTarget(target)
                .setTargetValueUsd(result.values().valueUsd(target));
        result.exposures().stream()
                .sorted(Comparator.comparingDouble(Exposure::valueAtStakeUsd)
                        .reversed()
                        .thenComparing(Comparator.comparingDouble(Exposure::contractedInflowUsd)
                                .reversed())
                        .thenComparing(e -> model.entity(e.entity()).id()))
                .forEach(e -> {
                    String id = model.entity(e.entity()).id();
                    dev.capflow.proto.exposure.v1.Exposure.Builder exposure =
                            dev.capflow.proto.exposure.v1.Exposure.newBuilder()
                                    .setEntity(id)
                                    .setDirectShare(e.directShare())
                                    .setTotalShare(e.totalShare())
                                    .setValueAtStakeUsd(e.valueAtStakeUsd())
                                    .setFractionOfOwnValue(e.fractionOfOwnValue())
                                    .setContractedInflowUsd(e.contractedInflowUsd())
                                    .setValueUsd(result.values().valueUsd(id))
                                    .setMarkedBelowStakes(result.markedBelowStakes()[e.entity()])
                                    .setValuation(ProtoMapper.toProto(
                                            result.values().values().get(id)));
                    e.inflowToRevenue().ifPresent(exposure::setInflowToRevenue);
                    proto.addExposures(exposure);
                });
        return proto.build();
    }

    static StressResponse toProto(StressOutcome outcome) {
        GraphModel model = outcome.model();
        StressResult result = outcome.result();
        boolean debtRank = outcome.scenario().model() == StressModel.DEBTRANK;
        StressResponse.Builder proto = StressResponse.newBuilder()
                .setModel(
                        switch (outcome.scenario().model()) {
                            case CROSS_HOLDINGS ->
                                dev.capflow.proto.exposure.v1.StressModel.STRESS_MODEL_CROSS_HOLDINGS;
                            case DEBTRANK -> dev.capflow.proto.exposure.v1.StressModel.STRESS_MODEL_DEBTRANK;
                            case CLEARING -> dev.capflow.proto.exposure.v1.StressModel.STRESS_MODEL_CLEARING;
                        })
                .setWaves(result.waves())
                .setConverged(result.converged())
                .setBasketsUnavailable(outcome.basketsUnavailable());
        if (debtRank) {
            proto.setDebtRank(result.debtRank());
        }
        List<Integer> order = IntStream.range(0, model.entities().size())
                .boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> result.valueLostUsd()[i])
                        .thenComparing(i -> model.entity(i).id()))
                .toList();
        boolean[] markedBelowStakes = outcome.markedBelowStakes();
        for (int i : order) {
            EntityImpact.Builder impact = EntityImpact.newBuilder()
                    .setEntity(model.entity(i).id())
                    .setValueUsd(outcome.values()[i])
                    .setRelativeChange(result.relativeChange()[i])
                    .setValueLostUsd(result.valueLostUsd()[i])
                    .setMarkedBelowStakes(markedBelowStakes[i])
                    .setValuation(ProtoMapper.toProto(
                            outcome.valuations().values().get(model.entity(i).id())));
            if (result.failedInWave()[i] >= 0) {
                impact.setFailedInWave(result.failedInWave()[i]);
            }
            int entity = i;
            outcome.clearing()
                    .ifPresent(clearing -> impact.setClearingBaseline(toProto(clearing.baseline(), entity))
                            .setClearingShocked(toProto(clearing.shocked(), entity)));
            proto.addEntities(impact);
        }
        outcome.baskets().forEach(basket -> proto.addBaskets(toProto(basket)));
        return proto.build();
    }

    private static ClearingFigures toProto(ClearingState state, int i) {
        ClearingFigures.Builder figures = ClearingFigures.newBuilder()
                .setObligationsUsd(state.obligationsUsd()[i])
                .setPaidUsd(state.paidUsd()[i])
                .setDefaulted(state.defaulted()[i])
                .setUnpaidReceivablesUsd(state.unpaidReceivablesUsd()[i])
                .setUnpaidToValue(state.unpaidToValue()[i])
                .setExternalResourcesUsd(state.externalResourcesUsd()[i]);
        if (!Double.isNaN(state.unpaidToRevenue()[i])) {
            figures.setUnpaidToRevenue(state.unpaidToRevenue()[i]);
        }
        return figures.build();
    }

    /** A basket's impact; an unavailable one leaves {@code level_change} unset (0): no NaN goes on the wire. */
    static dev.capflow.proto.exposure.v1.BasketImpact toProto(BasketImpact basket) {
        dev.capflow.proto.exposure.v1.BasketImpact.Builder proto =
                dev.capflow.proto.exposure.v1.BasketImpact.newBuilder()
                        .setBasketId(basket.basketId())
                        .setName(basket.name())
                        .setUnavailableReason(basket.unavailableReason());
        if (basket.unavailableReason().isEmpty()) {
            proto.setLevelChange(basket.levelChange());
        }
        basket.members()
                .forEach(m -> proto.addMembers(BasketMemberImpact.newBuilder()
                        .setSymbol(m.symbol())
                        .setEntity(m.entity())
                        .setCurrentWeight(m.currentWeight())
                        .setRelativeChange(m.relativeChange())));
        return proto.build();
    }
}
