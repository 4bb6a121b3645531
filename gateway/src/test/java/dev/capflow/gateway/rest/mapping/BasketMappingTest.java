package dev.capflow.gateway.rest.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capflow.gateway.request.FieldViolation;
import dev.capflow.gateway.request.InvalidFieldsException;
import dev.capflow.gateway.rest.dto.BasketInput;
import dev.capflow.gateway.rest.dto.BasketMemberInput;
import dev.capflow.gateway.rest.dto.PerformanceView;
import dev.capflow.proto.basket.v1.Metrics;
import dev.capflow.proto.basket.v1.UndefinedMetric;
import java.util.List;
import org.junit.jupiter.api.Test;

class BasketMappingTest {

    @Test
    void undefinedNumbersBecomeNull() {
        assertThat(BasketMapping.finite(Double.NaN)).isNull();
        assertThat(BasketMapping.finite(Double.POSITIVE_INFINITY)).isNull();
        assertThat(BasketMapping.finite(-0.082)).isEqualTo(-0.082);
    }

    @Test
    void aMetricListedAsUndefinedIsNullAndAZeroThatIsNotListedStaysZero() {
        Metrics metrics = Metrics.newBuilder()
                .setTotalReturn(0.025)
                .setAnnualizedVolatility(0.31)
                .setSharpe(1.2)
                .addUndefined(undefined("annualized_return", "fewer than 252 daily returns"))
                .addUndefined(undefined("beta", "no benchmark was requested"))
                .addUndefined(undefined("correlation", "no benchmark was requested"))
                .build();

        PerformanceView.Metrics view = BasketMapping.toView(metrics);

        assertThat(view.totalReturn()).isEqualTo(0.025);
        assertThat(view.annualizedReturn()).isNull();
        assertThat(view.annualizedVolatility()).isEqualTo(0.31);
        assertThat(view.sharpe()).isEqualTo(1.2);
        assertThat(view.maxDrawdown())
                .as("0, not listed: a basket that never fell")
                .isZero();
        assertThat(view.beta()).isNull();
        assertThat(view.correlation()).isNull();
    }

    @Test
    void compareRefusesMalformedBasketIdsNamingTheParameterBeforeAnyCall() {
        assertThatThrownBy(() -> BasketMapping.compareRequest("trial-x\u202E", "../etc", null, null, null))
                .isInstanceOfSatisfying(
                        InvalidFieldsException.class,
                        e -> assertThat(e.violations())
                                .containsExactly(
                                        new FieldViolation(
                                                "a",
                                                "must be a lower-case slug of letters, digits and '-' (at most 64"
                                                        + " characters)"),
                                        new FieldViolation(
                                                "b",
                                                "must be a lower-case slug of letters, digits and '-' (at most 64"
                                                        + " characters)")));
        assertThat(BasketMapping.compareRequest(" team-google ", "team-openai", null, null, null)
                        .getBasketIdA())
                .isEqualTo("team-google");
    }

    @Test
    void aNonPositiveBaseValueAndNoMembersAreNamed() {
        BasketInput input = new BasketInput(null, "x", "USD", "2025-10-29", 0.0, null, null, List.of(), null);

        assertThatThrownBy(() -> BasketMapping.toNewBasket(input))
                .isInstanceOfSatisfying(
                        InvalidFieldsException.class,
                        e -> assertThat(e.violations())
                                .containsExactly(
                                        new FieldViolation("baseValue", "must be positive"),
                                        new FieldViolation("members", "must name at least one member")));
    }

    @Test
    void equalWeightsArePassedOnForTheServiceToRefuseAndAZeroOneIsNamedHere() {
        BasketInput weighted = new BasketInput(
                null, "x", "USD", "2025-10-29", null, "EQUAL", null, List.of(new BasketMemberInput("NVDA", 0.7)), null);
        BasketInput zero = new BasketInput(
                null,
                "x",
                "USD",
                "2025-10-29",
                null,
                "EQUAL",
                null,
                List.of(new BasketMemberInput("NVDA", null), new BasketMemberInput("MSFT", 0.0)),
                null);

        assertThat(BasketMapping.toNewBasket(weighted).getMembers(0).getWeight())
                .isEqualTo(0.7);
        assertThatThrownBy(() -> BasketMapping.toNewBasket(zero))
                .isInstanceOfSatisfying(
                        InvalidFieldsException.class,
                        e -> assertThat(e.violations())
                                .extracting(FieldViolation::field)
                                .containsExactly("members[1].weight"));
    }

    private static UndefinedMetric undefined(String field, String reason) {
        return UndefinedMetric.newBuilder().setField(field).setReason(reason).build();
    }

    @Test
    void aWindowEndingBeforeItStartsNamesBothEnds() {
        assertThatThrownBy(() ->
                        BasketMapping.performanceRequest("team-google", "2025-12-31", "2025-10-29", null, null, null))
                .isInstanceOfSatisfying(
                        InvalidFieldsException.class,
                        e -> assertThat(e.violations())
                                .extracting(FieldViolation::field)
                                .containsExactly("from", "to"));
    }
}
