package dev.capflow.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceValidatorTest {

    /** 2025-10-29T20:00Z: already 2025-10-30 in UTC+14, still 2025-10-29 in UTC. */
    private static final Instant NOW = Instant.parse("2025-10-29T20:00:00Z");

    private final PriceValidator validator =
            new PriceValidator(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));
    private static final Set<String> KNOWN = Set.of("NVDA", "MSFT");

    private static BarInput bar(String date, double open, double high, double low, double close, long volume) {
        return new BarInput("NVDA", date, open, high, low, close, volume);
    }

    @Test
    void acceptsAGoodBarAndNormalizesItsSymbol() {
        Validated<DailyBar> result = validator.validateBars(
                List.of(new BarInput(" nvda ", "2025-10-29", 200, 210, 195, 207.04, 1_000)), KNOWN);
        assertThat(result.rejected()).isEmpty();
        assertThat(result.valid())
                .containsExactly(new DailyBar("NVDA", LocalDate.of(2025, 10, 29), 200, 210, 195, 207.04, 1_000));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "NaN open     | 2025-10-29 | NaN   | 210 | 195 | 207 | 1 | open   | must be a finite number between 1.0E-6 and 1.0E7, got NaN",
                "infinite high| 2025-10-29 | 200   | Infinity | 195 | 207 | 1 | high | must be a finite number between 1.0E-6 and 1.0E7, got Infinity",
                "zero low     | 2025-10-29 | 200   | 210 | 0   | 207 | 1 | low    | must be a finite number between 1.0E-6 and 1.0E7, got 0.0",
                "negative close| 2025-10-29 | 200  | 210 | 195 | -1  | 1 | close  | must be a finite number between 1.0E-6 and 1.0E7, got -1.0",
                "high too low | 2025-10-29 | 200   | 205 | 195 | 207 | 1 | high   | high 205.0 is below max(open, close) = 207.0",
                "low too high | 2025-10-29 | 200   | 210 | 201 | 207 | 1 | low    | low 201.0 is above min(open, close) = 200.0",
                "negative volume| 2025-10-29 | 200 | 210 | 195 | 207 | -1 | volume | must be between 0 and 1000000000000000, got -1",
                "bad date     | 2025-13-01 | 200   | 210 | 195 | 207 | 1 | date   | not an ISO-8601 date: 2025-13-01",
                "blank date   | ' '        | 200   | 210 | 195 | 207 | 1 | date   | required",
                "absurd close | 2025-10-29 | 200   | 210 | 195 | 1e308 | 1 | close | must be a finite number between 1.0E-6 and 1.0E7, got 1.0E308",
                "tiny close   | 2025-10-29 | 200   | 210 | 195 | 5e-324 | 1 | close | must be a finite number between 1.0E-6 and 1.0E7, got 4.9E-324",
                "ancient date | -999999999-01-01 | 200 | 210 | 195 | 207 | 1 | date | must be between 1900-01-01 and 2100-12-31, got -999999999-01-01",
                "before 1900  | 1899-12-31 | 200   | 210 | 195 | 207 | 1 | date   | must be between 1900-01-01 and 2100-12-31, got 1899-12-31",
                "future date  | 2025-10-31 | 200   | 210 | 195 | 207 | 1 | date   | in the future: 2025-10-31 is after 2025-10-30 (today in UTC+14)",
            })
    void rejectsOneFieldPerBadBar(
            String name,
            String date,
            double open,
            double high,
            double low,
            double close,
            long volume,
            String field,
            String reason) {
        Validated<DailyBar> result = validator.validateBars(List.of(bar(date, open, high, low, close, volume)), KNOWN);
        assertThat(result.valid()).isEmpty();
        assertThat(result.rejected()).containsExactly(Rejection.atIndex(0, field, reason));
    }

    @Test
    void tomorrowInUtcIsTodayInUtcPlus14() {
        assertThat(validator
                        .validateBars(List.of(bar("2025-10-30", 200, 210, 195, 207, 1)), KNOWN)
                        .valid())
                .hasSize(1);
    }

    @Test
    void keepsValidBarsAndLocatesBadOnesByIndex() {
        Validated<DailyBar> result = validator.validateBars(
                List.of(
                        bar("2025-10-27", 200, 210, 195, 207, 1),
                        new BarInput("", "2025-10-27", 1, 1, 1, 1, 1),
                        new BarInput("ZZZ", "2025-10-27", 1, 1, 1, 1, 1),
                        bar("2025-10-28", 200, 210, 195, 207, 1)),
                KNOWN);
        assertThat(result.valid())
                .extracting(DailyBar::date)
                .containsExactly(LocalDate.of(2025, 10, 27), LocalDate.of(2025, 10, 28));
        assertThat(result.rejected())
                .containsExactly(
                        Rejection.atIndex(1, "symbol", "required"),
                        Rejection.atIndex(
                                2,
                                "symbol",
                                "unknown symbol ZZZ (register the instrument first: UpsertInstrument, or PUT"
                                        + " /api/v1/instruments/ZZZ at the gateway)"));
    }

    private static TickInput tick(Instant ts, double price, long size) {
        return new TickInput("msft", true, ts.getEpochSecond(), ts.getNano(), price, size);
    }

    @Test
    void acceptsTicksUpToFiveMinutesAheadTruncatedToMicros() {
        Instant almostFiveMinutes = NOW.plusSeconds(299).plusNanos(123_456_789);
        Validated<Tick> result = validator.validateTicks(List.of(tick(almostFiveMinutes, 510.5, 0)), KNOWN);
        assertThat(result.rejected()).isEmpty();
        assertThat(result.valid())
                .containsExactly(new Tick("MSFT", NOW.plusSeconds(299).plusNanos(123_456_000), 510.5, 0));
    }

    @Test
    void rejectsBadTicksByIndexAndField() {
        Validated<Tick> result = validator.validateTicks(
                List.of(
                        tick(NOW, 510, 10),
                        tick(NOW.plusSeconds(301), 510, 10),
                        new TickInput("MSFT", false, 0, 0, 510, 10),
                        new TickInput("MSFT", true, 1, -5, 510, 10),
                        tick(NOW, Double.NaN, 10),
                        tick(NOW, 510, -1)),
                KNOWN);
        assertThat(result.valid()).hasSize(1);
        assertThat(result.rejected())
                .extracting(Rejection::index, Rejection::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "ts"),
                        org.assertj.core.groups.Tuple.tuple(2, "ts"),
                        org.assertj.core.groups.Tuple.tuple(3, "ts"),
                        org.assertj.core.groups.Tuple.tuple(4, "price"),
                        org.assertj.core.groups.Tuple.tuple(5, "size"));
        assertThat(result.rejected().get(0).reason()).startsWith("in the future: 2025-10-29T20:05:01Z");
        assertThat(result.rejected().get(1).reason()).isEqualTo("required");
        assertThat(result.rejected().get(2).reason())
                .isEqualTo("not a valid timestamp: nanos must be 0 to 999999999, got -5");
    }

    @Test
    void ticksSharingATimestampWithTheTickBeforeAreEachJudgedAsIfAlone() {
        TickInput noTs = new TickInput("MSFT", false, 0, 0, 510, 10);
        TickInput badNanos = new TickInput("MSFT", true, 1, -5, 510, 10);
        Validated<Tick> result = validator.validateTicks(
                List.of(
                        tick(NOW, 510, 10),
                        tick(NOW, 511, 10),
                        tick(NOW.plusSeconds(301), 510, 10),
                        tick(NOW.plusSeconds(301), 510, 10),
                        noTs,
                        noTs,
                        tick(NOW, Double.NaN, 10),
                        tick(NOW, 512, 10),
                        badNanos,
                        badNanos,
                        tick(NOW.plusNanos(1_500), 513, 10)),
                KNOWN);
        assertThat(result.valid())
                .containsExactly(
                        new Tick("MSFT", NOW, 510, 10),
                        new Tick("MSFT", NOW, 511, 10),
                        new Tick("MSFT", NOW, 512, 10),
                        new Tick("MSFT", NOW.plusNanos(1_000), 513, 10));
        assertThat(result.rejected())
                .extracting(Rejection::index, Rejection::field, Rejection::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                2, "ts", result.rejected().get(0).reason()),
                        org.assertj.core.groups.Tuple.tuple(
                                3, "ts", result.rejected().get(0).reason()),
                        org.assertj.core.groups.Tuple.tuple(4, "ts", "required"),
                        org.assertj.core.groups.Tuple.tuple(5, "ts", "required"),
                        org.assertj.core.groups.Tuple.tuple(
                                6, "price", result.rejected().get(4).reason()),
                        org.assertj.core.groups.Tuple.tuple(
                                8, "ts", "not a valid timestamp: nanos must be 0 to 999999999, got -5"),
                        org.assertj.core.groups.Tuple.tuple(
                                9, "ts", "not a valid timestamp: nanos must be 0 to 999999999, got -5"));
        assertThat(result.rejected().get(0).reason()).startsWith("in the future: 2025-10-29T20:05:01Z");
    }
}
