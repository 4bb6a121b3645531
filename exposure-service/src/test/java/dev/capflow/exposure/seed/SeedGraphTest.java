package dev.capflow.exposure.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.capflow.exposure.engine.EdgeKind;
import org.junit.jupiter.api.Test;

class SeedGraphTest {

    @Test
    void theShippedSeedPassesEveryRule() {
        SeedGraph seed = SeedGraph.read("seed");
        assertThat(seed.entities())
                .extracting(e -> e.id())
                .contains("nvidia", "openai", "oracle", "microsoft", "softbank");
        assertThat(seed.edges())
                .filteredOn(e -> e.id().equals("e15-oracle-nvidia-purchase"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(EdgeKind.PURCHASE);
                    assertThat(e.amountUsd()).hasValue(40e9);
                });
    }

    @Test
    void aBadSeedRowIsNamedByFileLineAndField() {
        assertThat(catchThrowableOfType(IllegalStateException.class, () -> SeedGraph.read("bad-seed"))
                        .getMessage())
                .isEqualTo("seed edges.csv line 3: share: edge b-holds-a: a share is a fraction in [0, 1], got 1.2");
    }
}
