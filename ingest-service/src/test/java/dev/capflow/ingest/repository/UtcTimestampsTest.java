package dev.capflow.ingest.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UtcTimestampsTest {

    @Test
    void theSameValueAsAtOffsetUtcOnBothSidesOfTheEpochAcrossDaysAndAtEveryPrecision() {
        for (String text : new String[] {
            "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.999999Z",
            "1900-02-28T12:00:00.5Z",
            "2024-02-29T23:59:59.999999999Z",
            "2025-01-02T14:30:00.000001Z",
            "9999-12-31T23:59:59.999999Z"
        }) {
            Instant instant = Instant.parse(text);
            assertThat(new UtcTimestamps().of(instant)).isEqualTo(instant.atOffset(ZoneOffset.UTC));
        }
        SplittableRandom random = new SplittableRandom(7);
        UtcTimestamps utc = new UtcTimestamps(); // one converter throughout, as for a batch: its remembered day changes
        Instant instant = Instant.parse("2025-01-02T23:59:58Z");
        for (int i = 0; i < 100_000; i++) {
            instant = switch (i % 3) {
                case 0 -> instant.plusNanos(random.nextLong(2_000_000_000L)); // the same day, at times the next
                case 1 -> instant.minusNanos(random.nextLong(2_000_000_000L)); // at times the day before
                default ->
                    Instant.ofEpochSecond(
                            random.nextLong(-5_000_000_000L, 250_000_000_000L), random.nextInt(1_000_000_000));
            };
            assertThat(utc.of(instant)).isEqualTo(instant.atOffset(ZoneOffset.UTC));
        }
    }

    @Test
    void anInstantRepeatedGivesTheSameValueAgainAndTheNextOneItsOwn() {
        UtcTimestamps utc = new UtcTimestamps();
        Instant first = Instant.parse("2025-01-02T14:30:00.000001Z");
        OffsetDateTime atUtc = utc.of(first);
        assertThat(utc.of(Instant.parse("2025-01-02T14:30:00.000001Z"))).isSameAs(atUtc);
        Instant next = first.plusNanos(1_000);
        assertThat(utc.of(next)).isEqualTo(next.atOffset(ZoneOffset.UTC));
        assertThat(utc.of(first)).isEqualTo(first.atOffset(ZoneOffset.UTC));
    }
}
