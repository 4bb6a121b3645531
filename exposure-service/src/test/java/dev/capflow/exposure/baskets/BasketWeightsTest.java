package dev.capflow.exposure.baskets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.proto.basket.v1.Basket;
import dev.capflow.proto.basket.v1.Contribution;
import dev.capflow.proto.basket.v1.GetPerformanceResponse;
import org.junit.jupiter.api.Test;

class BasketWeightsTest {

    private static final Basket BASKET =
            Basket.newBuilder().setId("mix").setName("Mix").build();

    private static Contribution member(String symbol, double weight, double memberReturn, double endWeight) {
        return Contribution.newBuilder()
                .setSymbol(symbol)
                .setWeight(weight)
                .setMemberReturn(memberReturn)
                .setEndWeight(endWeight)
                .build();
    }

    @Test
    void theCurrentWeightsAreTheEndWeightsNotADriftFromTheTargets() {
        // rebalanced a month ago: the drift since the base date (0.5 x 2 against 0.5 x 1) would say 2/3 and 1/3
        GetPerformanceResponse performance = GetPerformanceResponse.newBuilder()
                .addContributions(member("A", 0.5, 1.0, 0.52))
                .addContributions(member("B", 0.5, 0.0, 0.48))
                .build();
        BasketHolding holding = BasketWeights.weighed(BASKET, performance);
        assertThat(holding.available()).isTrue();
        assertThat(holding.members()).containsExactly(new MemberWeight("A", 0.52), new MemberWeight("B", 0.48));
    }

    @Test
    void aBasketServiceWithoutEndWeightsMakesTheBasketUnavailable() {
        GetPerformanceResponse older = GetPerformanceResponse.newBuilder()
                .addContributions(member("A", 0.5, 1.0, 0))
                .addContributions(member("B", 0.5, 0.0, 0))
                .build();
        BasketHolding holding = BasketWeights.weighed(BASKET, older);
        assertThat(holding.available()).isFalse();
        assertThat(holding.unavailableReason()).contains("no end weights");
    }
}
