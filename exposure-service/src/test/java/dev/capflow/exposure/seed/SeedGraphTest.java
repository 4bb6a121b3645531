package dev.capflow.exposure.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.capflow.exposure.engine.EdgeKind;
import dev.capflow.exposure.fake.DemoMarket;
import dev.capflow.testsupport.ProjectRoot;
import java.util.List;
import java.util.Set;
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
    void everySymbolOfTheSeedIsAnInstrumentTheDemoRegisters() {
        // the seed is stored at start, before any instrument exists, so the API's registry rule is checked here
        Set<String> registered =
                new DemoMarket(ProjectRoot.path().resolve("demo")).instruments().keySet();
        List<String> seedSymbols = SeedGraph.read("seed").entities().stream()
                .flatMap(entity -> entity.symbols().stream())
                .toList();

        assertThat(seedSymbols).contains("NVDA", "9984.T", "SFTBY");
        assertThat(registered).containsAll(seedSymbols);
    }

    @Test
    void aBadSeedRowIsNamedByFileLineAndField() {
        assertThat(catchThrowableOfType(IllegalStateException.class, () -> SeedGraph.read("bad-seed"))
                        .getMessage())
                .isEqualTo("seed edges.csv line 3: share: edge b-holds-a: a share is a fraction in [0, 1], got 1.2");
    }
}
