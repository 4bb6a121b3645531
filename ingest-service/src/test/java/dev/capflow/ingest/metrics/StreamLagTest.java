package dev.capflow.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StreamLagTest {

    private static final Instant NOW = Instant.parse("2025-10-28T15:00:00Z");
    private final StreamLag lag = new StreamLag(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void isTheAgeOfTheNewestEntryRead() {
        lag.read((NOW.toEpochMilli() - 1_500) + "-7");
        assertThat(lag.millis()).isEqualTo(1_500);
    }

    @Test
    void dropsToZeroOnceAReadComesBackEmpty() {
        lag.read((NOW.toEpochMilli() - 60_000) + "-0");
        lag.caughtUp();
        assertThat(lag.millis()).isZero();
    }

    @Test
    void anEntryFromTheFutureOfThisClockIsNoLag() {
        lag.read((NOW.toEpochMilli() + 2_000) + "-0");
        assertThat(lag.millis()).isZero();
    }

    @Test
    void keepsTheLastValueWhenAnIdIsNotAStreamId() {
        lag.read((NOW.toEpochMilli() - 10) + "-0");
        lag.read("$");
        lag.read(null);
        assertThat(lag.millis()).isEqualTo(10);
        assertThat(StreamLag.createdMillis("1761663600000-3")).isEqualTo(1761663600000L);
        assertThat(StreamLag.createdMillis("1761663600000")).isEqualTo(1761663600000L);
        assertThat(StreamLag.createdMillis("x-1")).isEqualTo(-1);
    }
}
