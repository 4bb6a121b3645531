package dev.capflow.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PlatformDatesTest {

    @Test
    void datesFrom1900To2100AreInside() {
        assertThat(PlatformDates.rangeProblem(LocalDate.of(1900, 1, 1))).isNull();
        assertThat(PlatformDates.rangeProblem(LocalDate.of(2100, 12, 31))).isNull();
        assertThat(PlatformDates.rangeProblem(LocalDate.of(1899, 12, 31)))
                .isEqualTo("must be between 1900-01-01 and 2100-12-31, got 1899-12-31");
        assertThat(PlatformDates.rangeProblem(LocalDate.MAX)).contains("+999999999-12-31");
    }

    @Test
    void instantsUpToTheEndOf2100UtcAreInside() {
        assertThat(PlatformDates.rangeProblem(Instant.parse("1900-01-01T00:00:00Z")))
                .isNull();
        assertThat(PlatformDates.rangeProblem(Instant.parse("2100-12-31T23:59:59.999Z")))
                .isNull();
        assertThat(PlatformDates.rangeProblem(Instant.parse("2101-01-01T00:00:00Z")))
                .isNotNull();
        assertThat(PlatformDates.rangeProblem(Instant.parse("1899-12-31T23:59:59Z")))
                .isNotNull();
        assertThat(PlatformDates.rangeProblem(Instant.MIN)).isNotNull();
    }
}
