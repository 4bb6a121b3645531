package dev.capflow.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A stream timestamp reads back as {@link Instant#parse} reads it: the same instant, or the same failure. */
class StreamTimestampsTest {

    @Test
    void everyInstantReadsBackAsWritten() {
        Random random = new Random(20_261_205L);
        long lastSecond = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            long second = Math.floorMod(random.nextLong(), lastSecond + 1);
            // whole seconds, milli-, micro- and nanoseconds: toString writes 0, 3, 6 or 9 fraction digits
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant written = Instant.ofEpochSecond(second, nanos);

            assertThat(StreamTimestamps.parse(written.toString())).isEqualTo(written);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-12-05T19:17:46.2Z",
                "2026-12-05T19:17:46.24Z",
                "2026-12-05T19:17:46.24212Z",
                "2026-12-05T19:17:46.123456789Z",
                "2016-12-31T23:59:60Z",
                "2026-12-05T24:00:00Z",
                "2026-02-29T10:00:00Z",
                "2024-02-29T10:00:00Z",
                "2026-13-01T10:00:00Z",
                "2026-12-05T19:60:00Z",
                "2026-12-05T19:17:46.Z",
                "2026-12-05T19:17:46.1234567890Z",
                "2026-12-05T19:17:46",
                "2026-12-05T19:17:46+01:00",
                "2026-12-05 19:17:46Z",
                "+12026-12-05T19:17:46Z",
                "-0001-12-05T19:17:46Z",
                "2026-1a-05T19:17:46Z",
                ""
            })
    void anyOtherTextIsReadOrRefusedAsInstantParseDoes(String text) {
        Throwable expectedFailure = catchThrowable(() -> Instant.parse(text));
        Throwable failure = catchThrowable(() -> StreamTimestamps.parse(text));

        if (expectedFailure == null) {
            assertThat(failure).isNull();
            assertThat(StreamTimestamps.parse(text)).isEqualTo(Instant.parse(text));
        } else {
            assertThat(failure).isInstanceOf(expectedFailure.getClass());
        }
    }
}
