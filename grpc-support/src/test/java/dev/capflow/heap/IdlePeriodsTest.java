package dev.capflow.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdlePeriodsTest {

    private static final long QUIET = 1_000;
    private static final long BUSY = 1_001;

    /** The samples at which periods answered true, from 1. */
    private static List<Integer> compactionsAt(IdlePeriods periods, long... allocated) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < allocated.length; i++) {
            if (periods.turnedIdle(allocated[i])) {
                at.add(i + 1);
            }
        }
        return at;
    }

    @Test
    void firesOnceWhenTheQuietRunIsComplete() {
        assertThat(compactionsAt(new IdlePeriods(QUIET, 3), BUSY, QUIET, QUIET, QUIET, QUIET, 0, QUIET, 0))
                .containsExactly(4);
    }

    @Test
    void neverFiresUnderLoad() {
        assertThat(compactionsAt(new IdlePeriods(QUIET, 3), BUSY, BUSY, BUSY, BUSY, BUSY, BUSY, BUSY))
                .isEmpty();
    }

    @Test
    void aBusySampleRestartsTheQuietRun() {
        assertThat(compactionsAt(new IdlePeriods(QUIET, 3), QUIET, QUIET, BUSY, QUIET, QUIET, BUSY, QUIET, QUIET))
                .isEmpty();
    }

    @Test
    void firesOncePerIdlePeriod() {
        assertThat(compactionsAt(
                        new IdlePeriods(QUIET, 2),
                        BUSY,
                        QUIET,
                        QUIET,
                        QUIET,
                        QUIET,
                        BUSY,
                        BUSY,
                        QUIET,
                        QUIET,
                        QUIET,
                        BUSY,
                        QUIET,
                        QUIET))
                .containsExactly(3, 9, 13);
    }

    @Test
    void aServiceIdleSinceItsStartIsCompactedOnce() {
        assertThat(compactionsAt(new IdlePeriods(QUIET, 2), QUIET, QUIET, QUIET, QUIET))
                .containsExactly(2);
    }

    @Test
    void refusesAnEmptyQuietRun() {
        assertThatThrownBy(() -> new IdlePeriods(QUIET, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
