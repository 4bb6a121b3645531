package dev.capflow.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StreamPollingTest {

    private static final StreamPolling POLLING =
            new StreamPolling(Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofMillis(500));

    @Test
    void aReaderThatReadSomethingRecentlyPausesTheShortPoll() {
        assertThat(POLLING.pauseAfterEmptyRound(Duration.ZERO)).isEqualTo(Duration.ofMillis(50));
        assertThat(POLLING.pauseAfterEmptyRound(Duration.ofMillis(1999))).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void aReaderQuietForIdleAfterPausesTheIdlePoll() {
        assertThat(POLLING.pauseAfterEmptyRound(Duration.ofSeconds(2))).isEqualTo(Duration.ofMillis(500));
        assertThat(POLLING.pauseAfterEmptyRound(Duration.ofHours(5))).isEqualTo(Duration.ofMillis(500));
    }
}
