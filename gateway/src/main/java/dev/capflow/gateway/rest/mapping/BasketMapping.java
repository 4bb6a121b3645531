package dev.capflow.gateway.rest.mapping;

import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.capflow.gateway.request.EnumCodec;
import dev.capflow.gateway.request.Fields;
import dev.capflow.gateway.rest.dto.BasketInput;
import dev.capflow.gateway.rest.dto.BasketMemberInput;
import dev.capflow.gateway.rest.dto.BasketMemberView;
import dev.capflow.gateway.rest.dto.BasketView;
import dev.capflow.gateway.rest.dto.CompareView;
import dev.capflow.gateway.rest.dto.PerformanceView;
import dev.capflow.proto.basket.v1.Basket;
import dev.capflow.proto.basket.v1.BasketMember;
import dev.capflow.proto.basket.v1.CompareRequest;
import dev.capflow.proto.basket.v1.CompareResponse;
import dev.capflow.proto.basket.v1.Contribution;
import dev.capflow.proto.basket.v1.GetPerformanceRequest;
import dev.capflow.proto.basket.v1.GetPerformanceResponse;
import dev.capflow.proto.basket.v1.Metrics;
import dev.capflow.proto.basket.v1.Rebalance;
import dev.capflow.proto.basket.v1.ReturnType;
import dev.capflow.proto.basket.v1.UndefinedMetric;
import dev.capflow.proto.basket.v1.Weighting;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Maps baskets, performance and comparisons between their REST shape and the basket contract. */
public final class BasketMapping {

    // the bounds of basket.proto's risk_free_rate, checked here to name the REST parameter
    private static final double MIN_RISK_FREE_RATE = -0.05;
    private static final double MAX_RISK_FREE_RATE = 0.25;

    static final EnumCodec<Weighting> WEIGHTINGS = new EnumCodec<>(Weighting.class, "WEIGHTING_");
    static final EnumCodec<Rebalance> REBALANCES = new EnumCodec<>(Rebalance.class, "REBALANCE_");
    static final EnumCodec<ReturnType> RETURN_TYPES = new EnumCodec<>(ReturnType.class, "RETURN_TYPE_");

    private BasketMapping() {}

    /** The basket to create; its id is optional. */
    public static Basket toNewBasket(BasketInput input) {
        Fields fields = new Fields();
        Basket.Builder basket = definition(fields, input);
        if (input.id() != null) {
            basket.setId(fields.text("id", input.id()));
        }
        fields.throwIfInvalid();
        return basket.build();
    }

    /** The replacement of basket {@code pathId}; the body must carry the version last read. */
    public static Basket toReplacement(String pathId, BasketInput input) {
        Fields fields = new Fields();
        String id = fields.text("id", pathId);
        fields.check(
                input.id() == null || input.id().strip().equals(id),
                "id",
                "must equal the id of the path (" + id + ")");
        Basket.Builder basket = definition(fields, input).setId(id);
        if (input.version() == null) {
            fields.check(false, "version", "is required (the version last read)");
        } else {
            basket.setVersion(input.version());
        }
        fields.throwIfInvalid();
        return basket.build();
    }

    /** Reads every field but the id and version, recording violations in {@code fields}. */
    private static Basket.Builder definition(Fields fields, BasketInput input) {
        Basket.Builder basket = Basket.newBuilder()
                .setName(fields.text("name", input.name()))
                .setCurrency(fields.text("currency", input.currency()));
        LocalDate baseDate = fields.date("baseDate", input.baseDate());
        if (baseDate != null) {
            basket.setBaseDate(baseDate.toString());
        }
        if (input.baseValue() != null) {
            double baseValue = fields.number("baseValue", input.baseValue());
            fields.check(!(baseValue <= 0), "baseValue", "must be positive");
            basket.setBaseValue(baseValue);
        }
        Weighting weighting = input.weighting() == null
                ? Weighting.WEIGHTING_EQUAL
                : fields.oneOf("weighting", input.weighting(), WEIGHTINGS);
        Rebalance rebalance = input.rebalance() == null
                ? Rebalance.REBALANCE_NONE
                : fields.oneOf("rebalance", input.rebalance(), REBALANCES);
        if (weighting != null) {
            basket.setWeighting(weighting);
        }
        if (rebalance != null) {
            basket.setRebalance(rebalance);
        }
        List<BasketMemberInput> members = input.members();
        if (members == null || members.isEmpty()) {
            fields.check(false, "members", members == null ? "is required" : "must name at least one member");
            return basket;
        }
        for (int i = 0; i < members.size(); i++) {
            BasketMemberInput member = members.get(i);
            String at = "members[" + i + "]";
            if (member == null) {
                fields.check(false, at, "must be an object {symbol, weight}");
                continue;
            }
            BasketMember.Builder proto =
                    BasketMember.newBuilder().setSymbol(fields.text(at + ".symbol", member.symbol()));
            if (weighting == Weighting.WEIGHTING_CUSTOM) {
                proto.setWeight(fields.number(at + ".weight", member.weight()));
            } else if (member.weight() != null) {
                // passed on, never dropped: basket-service refuses an EQUAL weight other than 1/n, and a 0 it cannot
                // see
                double weight = fields.number(at + ".weight", member.weight());
                fields.check(
                        weight != 0,
                        at + ".weight",
                        "EQUAL weighting sets every weight to 1/n: leave the weights out, or use CUSTOM weighting");
                proto.setWeight(weight);
            }
            basket.addMembers(proto);
        }
        return basket;
    }

    public static BasketView toView(Basket basket) {
        return new BasketView(
                basket.getId(),
                basket.getName(),
                basket.getCurrency(),
                basket.getBaseDate(),
                basket.getBaseValue(),
                WEIGHTINGS.name(basket.getWeighting()),
                rebalanceName(basket.getRebalance()),
                basket.getMembersList().stream()
                        .map(m -> new BasketMemberView(m.getSymbol(), m.getWeight()))
                        .toList(),
                basket.getVersion());
    }

    /** The performance request for the query parameters of {@code GET /baskets/{id}/performance}. */
    public static GetPerformanceRequest performanceRequest(
            String basketId, String from, String to, String benchmark, String returnType, String riskFreeRate) {
        Fields fields = new Fields();
        GetPerformanceRequest.Builder request =
                GetPerformanceRequest.newBuilder().setBasketId(fields.text("id", basketId));
        window(fields, from, to, request::setFrom, request::setTo);
        if (benchmark != null && !benchmark.isBlank()) {
            request.setBenchmark(benchmark.strip());
        }
        request.setReturnType(returnType(fields, returnType));
        if (riskFreeRate != null && !riskFreeRate.isBlank()) {
            request.setRiskFreeRate(riskFreeRate(fields, riskFreeRate.strip()));
        }
        fields.throwIfInvalid();
        return request.build();
    }

    /** The compare request for the query parameters of {@code GET /compare}. */
    public static CompareRequest compareRequest(String a, String b, String from, String to, String returnType) {
        Fields fields = new Fields();
        CompareRequest.Builder request = CompareRequest.newBuilder()
                .setBasketIdA(fields.resourceId("a", a))
                .setBasketIdB(fields.resourceId("b", b));
        window(fields, from, to, request::setFrom, request::setTo);
        request.setReturnType(returnType(fields, returnType));
        fields.throwIfInvalid();
        return request.build();
    }

    public static PerformanceView toView(GetPerformanceResponse response) {
        return new PerformanceView(
                response.getBasketId(),
                response.getFrom(),
                response.getTo(),
                returnTypeName(response.getReturnType()),
                response.getBasketVersion(),
                response.getCurrency(),
                response.getSeriesList().stream()
                        .map(p -> new PerformanceView.Level(p.getDate(), p.getLevel()))
                        .toList(),
                toView(response.getMetrics()),
                response.getContributionsList().stream()
                        .map(BasketMapping::toView)
                        .toList());
    }

    /** A metric basket-service lists in {@code undefined} is null (it is sent as 0). */
    static PerformanceView.Metrics toView(Metrics m) {
        Set<String> undefined =
                m.getUndefinedList().stream().map(UndefinedMetric::getField).collect(Collectors.toSet());
        return new PerformanceView.Metrics(
                metric(m, undefined, Metrics.TOTAL_RETURN_FIELD_NUMBER),
                metric(m, undefined, Metrics.ANNUALIZED_RETURN_FIELD_NUMBER),
                metric(m, undefined, Metrics.ANNUALIZED_VOLATILITY_FIELD_NUMBER),
                metric(m, undefined, Metrics.SHARPE_FIELD_NUMBER),
                metric(m, undefined, Metrics.MAX_DRAWDOWN_FIELD_NUMBER),
                presentOrNull(m.getMaxDrawdownPeak()),
                presentOrNull(m.getMaxDrawdownTrough()),
                metric(m, undefined, Metrics.BETA_FIELD_NUMBER),
                metric(m, undefined, Metrics.CORRELATION_FIELD_NUMBER));
    }

    // a NaN still becomes null: a basket-service older than Metrics.undefined sent NaN (during a rolling upgrade)
    private static Double metric(Metrics m, Set<String> undefined, int fieldNumber) {
        FieldDescriptor field = Metrics.getDescriptor().findFieldByNumber(fieldNumber);
        return undefined.contains(field.getName()) ? null : finite((Double) m.getField(field));
    }

    public static CompareView toView(CompareResponse response) {
        return new CompareView(
                response.getBasketIdA(),
                response.getBasketIdB(),
                response.getFrom(),
                response.getTo(),
                returnTypeName(response.getReturnType()),
                response.getCurrencyA(),
                response.getCurrencyB(),
                response.getSeriesList().stream()
                        .map(p -> new CompareView.Point(
                                p.getDate(), p.getLevelA(), p.getLevelB(), finite(p.getSpread()), finite(p.getRatio())))
                        .toList());
    }

    private static PerformanceView.Contribution toView(Contribution contribution) {
        return new PerformanceView.Contribution(
                contribution.getSymbol(),
                contribution.getWeight(),
                finite(contribution.getMemberReturn()),
                finite(contribution.getContribution()),
                finite(contribution.getEndWeight()));
    }

    private static void window(
            Fields fields, String from, String to, Consumer<String> setFrom, Consumer<String> setTo) {
        LocalDate first = fields.optionalDate("from", from);
        LocalDate last = fields.optionalDate("to", to);
        boolean ordered = first == null || last == null || !last.isBefore(first);
        fields.check(ordered, "from", "must not be after to");
        fields.check(ordered, "to", "must not be before from");
        if (first != null) {
            setFrom.accept(first.toString());
        }
        if (last != null) {
            setTo.accept(last.toString());
        }
    }

    /**
     * An annual risk-free rate as a fraction within the contract's bounds (basket.proto {@code risk_free_rate}: -0.05 to
     * 0.25), so that "4" meant as 4% is refused here, naming the query parameter, instead of reading as 400%.
     */
    private static double riskFreeRate(Fields fields, String value) {
        double rate = Double.NaN;
        if (value.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            rate = Double.parseDouble(value);
        }
        fields.check(
                rate >= MIN_RISK_FREE_RATE && rate <= MAX_RISK_FREE_RATE,
                "riskFreeRate",
                "must be an annual fraction from " + MIN_RISK_FREE_RATE + " to " + MAX_RISK_FREE_RATE
                        + " (0.04 for 4 percent), got " + value);
        return Double.isFinite(rate) ? rate : 0;
    }

    private static ReturnType returnType(Fields fields, String value) {
        if (value == null || value.isBlank()) {
            return ReturnType.RETURN_TYPE_PRICE;
        }
        ReturnType parsed = fields.oneOf("returnType", value, RETURN_TYPES);
        return parsed == null ? ReturnType.RETURN_TYPE_PRICE : parsed;
    }

    /** UNSPECIFIED means PRICE in the contract, so the answer always names one. */
    private static String returnTypeName(ReturnType returnType) {
        return returnType == ReturnType.RETURN_TYPE_TOTAL ? "TOTAL" : "PRICE";
    }

    /** UNSPECIFIED means NONE in the contract. */
    private static String rebalanceName(Rebalance rebalance) {
        String name = REBALANCES.name(rebalance);
        return name == null ? "NONE" : name;
    }

    /** NaN (a metric the window cannot define) and infinities become JSON null. */
    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static String presentOrNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
