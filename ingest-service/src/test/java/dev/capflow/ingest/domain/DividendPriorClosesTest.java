package dev.capflow.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.ingest.domain.DividendPriorCloses.RecordedDividend;
import dev.capflow.ingest.domain.DividendPriorCloses.Refusal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DividendPriorClosesTest {

    private static final LocalDate EX = LocalDate.of(2025, 11, 20);

    private static DailyBar bar(String symbol, String date, double close) {
        return new DailyBar(symbol, LocalDate.parse(date), close, close, close, close, 1);
    }

    private static RecordedDividend dividend(double amount, String lastBarBefore) {
        return new RecordedDividend("X", EX, amount, lastBarBefore == null ? null : LocalDate.parse(lastBarBefore));
    }

    private static List<Integer> refused(List<DailyBar> bars, RecordedDividend dividend, BarWriteMode mode) {
        return DividendPriorCloses.refusals(bars, List.of(dividend), mode).stream()
                .map(Refusal::position)
                .toList();
    }

    @Test
    void onlyTheBarThatBecomesThePriorCloseIsChecked() {
        List<DailyBar> bars = List.of(
                bar("X", "2025-11-17", 1), // not the prior close: a later bar is
                bar("X", "2025-11-19", 6),
                bar("X", "2025-11-20", 1), // on the ex-date
                bar("Y", "2025-11-19", 1)); // another symbol
        assertThat(refused(bars, dividend(5, null), BarWriteMode.INSERT)).isEmpty();
    }

    @Test
    void aRefusedBarHandsTheCheckToTheBarBeforeIt() {
        List<DailyBar> bars = List.of(bar("X", "2025-11-17", 5), bar("X", "2025-11-18", 7), bar("X", "2025-11-19", 4));
        assertThat(refused(bars, dividend(5, null), BarWriteMode.INSERT)).containsExactly(2);
        List<DailyBar> falling =
                List.of(bar("X", "2025-11-17", 6), bar("X", "2025-11-18", 5), bar("X", "2025-11-19", 4.99));
        assertThat(refused(falling, dividend(5, null), BarWriteMode.INSERT)).containsExactly(2, 1);
    }

    @Test
    void aStoredLaterBarKeepsTheWrittenOnesOutOfIt() {
        List<DailyBar> bars = List.of(bar("X", "2025-11-18", 1));
        assertThat(refused(bars, dividend(5, "2025-11-19"), BarWriteMode.INSERT))
                .isEmpty();
        assertThat(refused(bars, dividend(5, "2025-11-19"), BarWriteMode.REPLACE))
                .isEmpty();
    }

    @Test
    void theStoredPriorBarChangesOnlyWhenCorrected() {
        List<DailyBar> bars = List.of(bar("X", "2025-11-19", 4));
        assertThat(refused(bars, dividend(5, "2025-11-19"), BarWriteMode.INSERT))
                .as("an insert of a stored day is a duplicate")
                .isEmpty();
        assertThat(refused(bars, dividend(5, "2025-11-19"), BarWriteMode.REPLACE))
                .containsExactly(0);
    }

    @Test
    void ofARepeatedKeyTheFirstIsTheOneAnInsertWrites() {
        List<DailyBar> bars = List.of(bar("X", "2025-11-19", 4), bar("X", "2025-11-19", 6));
        // the first is refused, so the second is written and is checked in its turn
        assertThat(refused(bars, dividend(5, null), BarWriteMode.INSERT)).containsExactly(0);
        List<DailyBar> reversed = List.of(bar("X", "2025-11-19", 6), bar("X", "2025-11-19", 4));
        assertThat(refused(reversed, dividend(5, null), BarWriteMode.INSERT)).isEmpty();
    }

    @Test
    void theReasonNamesTheDividendAndTheClose() {
        List<Refusal> refusals = DividendPriorCloses.refusals(
                List.of(bar("X", "2025-11-19", 5)), List.of(dividend(5, null)), BarWriteMode.INSERT);
        assertThat(refusals)
                .extracting(Refusal::reason)
                .containsExactly("must be above the cash dividend of 5.0 that X goes ex on 2025-11-20, whose prior"
                        + " close this bar would be (got 5.0)");
    }
}
