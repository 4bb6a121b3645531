package dev.capflow.randomcases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RandomCasesTest {

    @Test
    void caseZeroTakesTheSmallestEdgesAndCaseOneTheLargest() {
        List<String> drawn = new ArrayList<>();
        RandomCases.check(
                7,
                2,
                cases -> drawn.add(cases.between("n", 3, 9) + "/" + cases.between("x", -1.5, 2.5) + "/"
                        + cases.oneOf("c", "a", "b", "c")));
        assertThat(drawn).containsExactly("3/-1.5/a", "9/2.5/c");
    }

    @Test
    void theSameSeedDrawsTheSameCases() {
        List<Long> first = new ArrayList<>();
        List<Long> second = new ArrayList<>();
        RandomCases.check(42, 50, cases -> first.add(cases.anyLong("v")));
        RandomCases.check(42, 50, cases -> second.add(cases.anyLong("v")));
        assertThat(first).isEqualTo(second).hasSize(50);
    }

    @Test
    void aFailureNamesTheSeedTheCaseAndTheDrawnParameters() {
        assertThatThrownBy(() -> RandomCases.check(5, 10, cases -> {
                    int n = cases.between("n", 0, 3);
                    assertThat(n).isLessThan(3);
                }))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("case 1 of check seed 5 (drawn: n=3)");
    }
}
