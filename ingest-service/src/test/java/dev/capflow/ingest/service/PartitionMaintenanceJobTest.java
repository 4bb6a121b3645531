package dev.capflow.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Period;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class PartitionMaintenanceJobTest {

    @Test
    void theRetentionCutoffIsCalendarArithmeticInUtc() {
        assertThat(PartitionMaintenanceJob.cutoff(Instant.parse("2026-03-31T10:00:00Z"), Period.ofMonths(1)))
                .isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
        assertThat(PartitionMaintenanceJob.cutoff(Instant.parse("2026-03-31T10:00:00Z"), Period.ofDays(31)))
                .isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
    }

    @Test
    void partitionsAreCreatedForThisMonthAndTheMonthsAhead() {
        assertThat(PartitionMaintenanceJob.monthsFrom(YearMonth.of(2026, 11), 3))
                .containsExactly(
                        YearMonth.of(2026, 11), YearMonth.of(2026, 12), YearMonth.of(2027, 1), YearMonth.of(2027, 2));
        assertThat(PartitionMaintenanceJob.monthsFrom(YearMonth.of(2026, 11), 0))
                .containsExactly(YearMonth.of(2026, 11));
    }
}
