package dev.capflow.ingest.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReadPoolsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(10);

    @Test
    void oldDataLongAfterTheLastWriteMayComeFromTheReplica() {
        assertThat(ReadPools.replicaMayServe(NOW, NOW.minusSeconds(11), NOW.minusSeconds(11), WINDOW))
                .isTrue();
        assertThat(ReadPools.replicaMayServe(NOW, Instant.MIN, Instant.MIN, WINDOW))
                .isTrue();
    }

    @Test
    void aRecentWriteOfThisProcessKeepsReadsOnThePrimary() {
        assertThat(ReadPools.replicaMayServe(NOW, NOW.minusSeconds(9), Instant.MIN, WINDOW))
                .isFalse();
    }

    @Test
    void dataNewerThanTheWindowIsReadFromThePrimary() {
        assertThat(ReadPools.replicaMayServe(NOW, Instant.MIN, NOW.minusSeconds(9), WINDOW))
                .isFalse();
        assertThat(ReadPools.replicaMayServe(NOW, Instant.MIN, Instant.parse("9999-12-31T23:59:59Z"), WINDOW))
                .isFalse();
    }
}
