package dev.capflow.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

    @Test
    void everyPrecisionAndTheEdgesOfTheFastPathReadAsInstantToString() {
        for (String text : new String[] {
            "1970-01-01T00:00:00Z",
            "2025-10-29T14:30:00.123456Z",
            "2025-10-29T14:30:00.1Z",
            "2024-02-29T23:59:59.999999999Z",
            "2025-01-02T03:04:05.000001Z",
            "2025-01-02T03:04:05.000000001Z",
            "9999-12-31T23:59:59.999Z",
            "+10000-01-01T00:00:00Z",
            "1969-12-31T23:59:59.5Z",
            "-0001-01-01T00:00:00Z"
        }) {
            Instant instant = Instant.parse(text);
            assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString());
        }
    }

    @Test
    void randomInstantsReadAsInstantToString() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            long seconds = random.nextLong(-100_000_000_000L, 300_000_000_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString());
        }
    }
}
