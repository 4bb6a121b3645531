package dev.capflow.exposure.baskets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BasketImpactsTest {

    @Test
    void aBasketMovesByItsMembersEntitiesWeighedByCurrentValue() {
        BasketBook book = new BasketBook(
                List.of(
                        new BasketHolding(
                                "chips",
                                "Chips",
                                List.of(
                                        new MemberWeight("NVDA", 0.8),
                                        new MemberWeight("SFTBY", 0.15),
                                        new MemberWeight("TTMI", 0.05)),
                                ""),
                        BasketHolding.unavailable("broken", "Broken", "no price at the base date")),
                "");
        List<BasketImpact> impacts = BasketImpacts.of(
                book,
                Map.of("NVDA", "nvidia", "9984.T", "softbank", "SFTBY", "softbank"),
                Map.of("nvidia", -0.1, "softbank", -0.4));

        BasketImpact chips = impacts.get(0);
        assertThat(chips.levelChange()).isCloseTo(0.8 * -0.1 + 0.15 * -0.4, within(1e-15));
        assertThat(chips.members())
                .containsExactly(
                        new MemberImpact("NVDA", "nvidia", 0.8, -0.1),
                        new MemberImpact("SFTBY", "softbank", 0.15, -0.4),
                        new MemberImpact("TTMI", "", 0.05, 0));
        assertThat(impacts.get(1).levelChange()).isNaN();
        assertThat(impacts.get(1).unavailableReason()).isEqualTo("no price at the base date");
    }
}
