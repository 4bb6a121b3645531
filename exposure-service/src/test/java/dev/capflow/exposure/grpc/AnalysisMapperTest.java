package dev.capflow.exposure.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.exposure.baskets.BasketImpact;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisMapperTest {

    @Test
    void anUnavailableBasketSaysWhyAndPutsNoNaNOnTheWire() {
        var unavailable = AnalysisMapper.toProto(
                new BasketImpact("broken", "Broken", Double.NaN, List.of(), "no prices for XYZ"));
        assertThat(unavailable.getUnavailableReason()).isEqualTo("no prices for XYZ");
        assertThat(unavailable.getLevelChange()).isZero();

        var available = AnalysisMapper.toProto(new BasketImpact("team", "Team", -0.04, List.of(), ""));
        assertThat(available.getLevelChange()).isEqualTo(-0.04);
    }
}
