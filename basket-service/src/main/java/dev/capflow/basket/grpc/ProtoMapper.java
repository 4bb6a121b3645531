package dev.capflow.basket.grpc;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.capflow.basket.domain.Basket;
import dev.capflow.basket.domain.BasketInput;
import dev.capflow.basket.domain.Member;
import dev.capflow.basket.domain.ReturnType;
import dev.capflow.basket.domain.Weighting;
import dev.capflow.basket.engine.Comparison;
import dev.capflow.basket.engine.Contribution;
import dev.capflow.basket.engine.Metric;
import dev.capflow.basket.engine.Metrics;
import dev.capflow.basket.engine.Performance;
import dev.capflow.basket.engine.Rebalance;
import dev.capflow.basket.engine.TimeSeries;
import dev.capflow.proto.basket.v1.BasketMember;
import dev.capflow.proto.basket.v1.ComparePoint;
import dev.capflow.proto.basket.v1.CompareResponse;
import dev.capflow.proto.basket.v1.GetPerformanceResponse;
import dev.capflow.proto.basket.v1.LevelPoint;
import dev.capflow.proto.basket.v1.UndefinedMetric;
import java.time.LocalDate;

/** Converts between capflow.basket.v1 messages and domain and engine types. */
public final class ProtoMapper {

    private static final Descriptor METRICS_FIELDS = dev.capflow.proto.basket.v1.Metrics.getDescriptor();

    private ProtoMapper() {}

    static BasketInput toInput(dev.capflow.proto.basket.v1.Basket basket) {
        return new BasketInput(
                basket.getId(),
                basket.getName(),
                basket.getCurrency(),
                basket.getBaseDate(),
                basket.getBaseValue(),
                weighting(basket.getWeighting()),
                rebalance(basket.getRebalance()),
                basket.getMembersList().stream()
                        .map(m -> new Member(m.getSymbol(), m.getWeight()))
                        .toList(),
                basket.getVersion());
    }

    static dev.capflow.proto.basket.v1.Basket toProto(Basket basket) {
        dev.capflow.proto.basket.v1.Basket.Builder proto = dev.capflow.proto.basket.v1.Basket.newBuilder()
                .setId(basket.id())
                .setName(basket.name())
                .setCurrency(basket.currency())
                .setBaseDate(basket.baseDate().toString())
                .setBaseValue(basket.baseValue())
                .setWeighting(
                        basket.weighting() == Weighting.EQUAL
                                ? dev.capflow.proto.basket.v1.Weighting.WEIGHTING_EQUAL
                                : dev.capflow.proto.basket.v1.Weighting.WEIGHTING_CUSTOM)
                .setRebalance(
                        switch (basket.rebalance()) {
                            case NONE -> dev.capflow.proto.basket.v1.Rebalance.REBALANCE_NONE;
                            case MONTHLY -> dev.capflow.proto.basket.v1.Rebalance.REBALANCE_MONTHLY;
                            case QUARTERLY -> dev.capflow.proto.basket.v1.Rebalance.REBALANCE_QUARTERLY;
                        })
                .setVersion(basket.version());
        basket.members()
                .forEach(m -> proto.addMembers(
                        BasketMember.newBuilder().setSymbol(m.symbol()).setWeight(m.weight())));
        return proto.build();
    }

    static ReturnType returnType(dev.capflow.proto.basket.v1.ReturnType type) {
        return type == dev.capflow.proto.basket.v1.ReturnType.RETURN_TYPE_TOTAL ? ReturnType.TOTAL : ReturnType.PRICE;
    }

    static dev.capflow.proto.basket.v1.ReturnType toProto(ReturnType type) {
        return type == ReturnType.TOTAL
                ? dev.capflow.proto.basket.v1.ReturnType.RETURN_TYPE_TOTAL
                : dev.capflow.proto.basket.v1.ReturnType.RETURN_TYPE_PRICE;
    }

    public static GetPerformanceResponse toProto(Basket basket, Performance performance, ReturnType type) {
        GetPerformanceResponse.Builder proto = GetPerformanceResponse.newBuilder()
                .setBasketId(basket.id())
                .setBasketVersion(basket.version())
                .setCurrency(basket.currency())
                .setReturnType(toProto(type))
                .setFrom(performance.from().toString())
                .setTo(performance.to().toString())
                .setMetrics(toProto(performance.metrics()));
        TimeSeries series = performance.series();
        for (int i = 0; i < series.size(); i++) {
            proto.addSeries(
                    LevelPoint.newBuilder().setDate(series.date(i).toString()).setLevel(series.value(i)));
        }
        for (Contribution c : performance.contributions()) {
            proto.addContributions(dev.capflow.proto.basket.v1.Contribution.newBuilder()
                    .setSymbol(c.symbol())
                    .setWeight(c.weight())
                    .setMemberReturn(c.priceReturn())
                    .setContribution(c.contribution())
                    .setEndWeight(c.endWeight()));
        }
        return proto.build();
    }

    /**
     * The metrics with every figure finite: one the engine leaves undefined (NaN) is sent as 0 and listed in
     * {@code undefined} with the engine's reason, in field order.
     */
    static dev.capflow.proto.basket.v1.Metrics toProto(Metrics m) {
        dev.capflow.proto.basket.v1.Metrics.Builder proto = dev.capflow.proto.basket.v1.Metrics.newBuilder()
                .setMaxDrawdownPeak(text(m.maxDrawdownPeak()))
                .setMaxDrawdownTrough(text(m.maxDrawdownTrough()));
        for (Metric metric : Metric.values()) {
            FieldDescriptor field = METRICS_FIELDS.findFieldByNumber(fieldNumber(metric));
            String reason = m.undefined().get(metric);
            if (reason == null) {
                proto.setField(field, m.value(metric));
            } else {
                proto.addUndefined(
                        UndefinedMetric.newBuilder().setField(field.getName()).setReason(reason));
            }
        }
        return proto.build();
    }

    private static int fieldNumber(Metric metric) {
        return switch (metric) {
            case TOTAL_RETURN -> dev.capflow.proto.basket.v1.Metrics.TOTAL_RETURN_FIELD_NUMBER;
            case ANNUALIZED_RETURN -> dev.capflow.proto.basket.v1.Metrics.ANNUALIZED_RETURN_FIELD_NUMBER;
            case ANNUALIZED_VOLATILITY -> dev.capflow.proto.basket.v1.Metrics.ANNUALIZED_VOLATILITY_FIELD_NUMBER;
            case SHARPE -> dev.capflow.proto.basket.v1.Metrics.SHARPE_FIELD_NUMBER;
            case MAX_DRAWDOWN -> dev.capflow.proto.basket.v1.Metrics.MAX_DRAWDOWN_FIELD_NUMBER;
            case BETA -> dev.capflow.proto.basket.v1.Metrics.BETA_FIELD_NUMBER;
            case CORRELATION -> dev.capflow.proto.basket.v1.Metrics.CORRELATION_FIELD_NUMBER;
        };
    }

    public static CompareResponse toProto(Basket a, Basket b, Comparison comparison, ReturnType type) {
        CompareResponse.Builder proto = CompareResponse.newBuilder()
                .setBasketIdA(a.id())
                .setBasketIdB(b.id())
                .setCurrencyA(a.currency())
                .setCurrencyB(b.currency())
                .setReturnType(toProto(type))
                .setFrom(comparison.levelsA().firstDate().toString())
                .setTo(comparison.levelsA().lastDate().toString());
        for (int i = 0; i < comparison.levelsA().size(); i++) {
            proto.addSeries(ComparePoint.newBuilder()
                    .setDate(comparison.levelsA().date(i).toString())
                    .setLevelA(comparison.levelsA().value(i))
                    .setLevelB(comparison.levelsB().value(i))
                    .setSpread(comparison.spread().value(i))
                    .setRatio(comparison.ratio().value(i)));
        }
        return proto.build();
    }

    private static Weighting weighting(dev.capflow.proto.basket.v1.Weighting weighting) {
        return switch (weighting) {
            case WEIGHTING_EQUAL -> Weighting.EQUAL;
            case WEIGHTING_CUSTOM -> Weighting.CUSTOM;
            default -> null;
        };
    }

    private static Rebalance rebalance(dev.capflow.proto.basket.v1.Rebalance rebalance) {
        return switch (rebalance) {
            case REBALANCE_MONTHLY -> Rebalance.MONTHLY;
            case REBALANCE_QUARTERLY -> Rebalance.QUARTERLY;
            default -> Rebalance.NONE;
        };
    }

    private static String text(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
