package dev.capflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The load tool's timestamp reader agrees with {@link Instant#parse} (to the microsecond) on what the gateway writes. */
class IsoInstantBytesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-12-05T16:24:27Z",
                "2026-12-05T16:24:27.1Z",
                "2026-12-05T16:24:27.120Z",
                "2026-12-05T16:24:27.123456Z",
                "2026-12-05T16:24:27.123456789Z",
                "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999999Z",
                "2028-02-29T23:59:59.5Z"
            })
    void readsWhatInstantParseReads(String instant) {
        byte[] line = ("data: {\"symbol\":\"NVDA\",\"ts\":\"" + instant + "\",\"size\":0}")
                .getBytes(StandardCharsets.US_ASCII);
        int from = "data: {\"symbol\":\"NVDA\",\"ts\":\"".length();

        long expected = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(instant));

        assertThat(IsoInstantBytes.epochMicros(line, from)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-12-05T16:24:27+01:00",
                "2026-12-05 16:24:27Z",
                "2026-13-05T16:24:27Z",
                "2026-12-05T16:24:27.Z"
            })
    void refusesWhatIsNotAUtcInstantNamingWhere(String text) {
        byte[] bytes = (text + "\"").getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> IsoInstantBytes.epochMicros(bytes, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an ISO-8601 UTC instant at byte 0");
    }
}
