package dev.capflow.exposure.baskets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.proto.basket.v1.Basket;
import dev.capflow.proto.basket.v1.Contribution;
import dev.capflow.proto.basket.v1.GetPerformanceResponse;
import org.junit.jupiter.api.Test;

class BasketWeightsTest {

    private static final Basket BASKET =
            Basket.newBuilder().setId("mix").setName("Mix").build();

    /** Half and half at the base date; A has doubled since and B is flat; the end weights basket-service sent. */
    private static GetPerformanceResponse twoMembers(double endWeightA, double endWeightB) {
        return GetPerformanceResponse.newBuilder()
                .addContributions(Contribution.newBuilder()
                        .setSymbol("A")
                        .setWeight(0.5)
                        .setMemberReturn(1.0)
                        .setEndWeight(endWeightA))
                .addContributions(Contribution.newBuilder()
                        .setSymbol("B")
                        .setWeight(0.5)
                        .setMemberReturn(0.0)
                        .setEndWeight(endWeightB))
                .build();
    }

    @Test
    void theCurrentWeightsAreTheEndWeightsNotADriftFromTheTargets() {
        // rebalanced a month ago: the drift since the base date (0.5 x 2 against 0.5 x 1) would say 2/3 and 1/3
        BasketHolding holding = BasketWeights.weighed(BASKET, twoMembers(0.52, 0.48));
        assertThat(holding.available()).isTrue();
        assertThat(holding.members()).containsExactly(new MemberWeight("A", 0.52), new MemberWeight("B", 0.48));
    }

    @Test
    void aBasketServiceWithoutEndWeightsMakesTheBasketUnavailable() {
        BasketHolding holding = BasketWeights.weighed(BASKET, twoMembers(0, 0));
        assertThat(holding.available()).isFalse();
        assertThat(holding.unavailableReason()).contains("no end weights");
    }
}
