package dev.capflow.exposure.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import dev.capflow.validation.FieldViolation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** known_at outside 1900..2100, even beyond what an Instant can hold, is a violation of known_at, not a failure. */
class ViewRequestsTest {

    @Test
    void aKnownAtOutsideThePlatformRangeIsAViolation() {
        for (long seconds : new long[] {
            Instant.parse("2101-01-01T00:00:00Z").getEpochSecond(),
            Instant.parse("1899-12-31T23:59:59Z").getEpochSecond(),
            Long.MAX_VALUE,
            Long.MIN_VALUE
        }) {
            List<FieldViolation> violations = new ArrayList<>();
            ViewRequests.snapshot(
                    "", true, Timestamp.newBuilder().setSeconds(seconds).build(), violations);
            assertThat(violations)
                    .as("seconds " + seconds)
                    .singleElement()
                    .extracting(FieldViolation::field)
                    .isEqualTo("known_at");
        }
    }

    @Test
    void aKnownAtInsideTheRangeIsKept() {
        List<FieldViolation> violations = new ArrayList<>();
        ViewRequests.snapshot(
                "2025-12-31",
                true,
                Timestamp.newBuilder()
                        .setSeconds(Instant.parse("2026-01-05T10:00:00Z").getEpochSecond())
                        .build(),
                violations);
        assertThat(violations).isEmpty();
    }
}
