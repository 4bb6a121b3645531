package dev.capflow.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @Test
    void aWriterAppendsTheSameTextAsInstantToStringWhetherTheSecondRepeatsOrNot() {
        SplittableRandom random = new SplittableRandom(11);
        IsoInstants.Writer writer = new IsoInstants.Writer();
        StringBuilder written = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        Instant instant = Instant.parse("2025-01-02T14:30:00Z");
        for (int i = 0; i < 100_000; i++) {
            instant = switch (i % 5) {
                case 0 -> instant.plusMillis(random.nextInt(3)); // mostly the same second, at times the next
                case 1 -> instant.plusNanos(random.nextInt(1_000_000) * 1_000L);
                case 2 -> Instant.ofEpochSecond(instant.getEpochSecond(), random.nextInt(1_000_000_000));
                case 3 -> Instant.ofEpochSecond(random.nextLong(-100_000_000_000L, 300_000_000_000L));
                default -> instant.minusSeconds(random.nextInt(2)); // back to the second before
            };
            writer.append(written, instant).append(',');
            expected.append(instant).append(',');
        }
        assertThat(written.toString()).isEqualTo(expected.toString());
    }

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

            assertThat(IsoInstants.parse(written.toString())).isEqualTo(written);
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
        Throwable failure = catchThrowable(() -> IsoInstants.parse(text));

        if (expectedFailure == null) {
            assertThat(failure).isNull();
            assertThat(IsoInstants.parse(text)).isEqualTo(Instant.parse(text));
        } else {
            assertThat(failure).isInstanceOf(expectedFailure.getClass());
        }
    }
}
