package dev.capflow.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-checked numbers: a 2-for-1 split on Jan 6 and a 0.53 dividend going ex on Jan 7 (prior close 53, ex close 54). */
class BarAdjusterTest {

    private static final LocalDate JAN_2 = LocalDate.of(2025, 1, 2);
    private static final LocalDate JAN_3 = LocalDate.of(2025, 1, 3);
    private static final LocalDate JAN_6 = LocalDate.of(2025, 1, 6);
    private static final LocalDate JAN_7 = LocalDate.of(2025, 1, 7);

    private static final List<DailyBar> RAW = List.of(
            new DailyBar("X", JAN_2, 99, 101, 98, 100, 1_000),
            new DailyBar("X", JAN_3, 100, 105, 100, 104, 1_200),
            new DailyBar("X", JAN_6, 52, 54, 51, 53, 2_600),
            new DailyBar("X", JAN_7, 53, 55, 52, 54, 2_000));

    private static final List<CorporateAction> ACTIONS = List.of(
            new CorporateAction("X", JAN_7, CorporateActionKind.DIVIDEND, 0.53),
            new CorporateAction("X", JAN_6, CorporateActionKind.SPLIT, 2));

    @Test
    void noneReturnsTheBarsAsTraded() {
        assertThat(BarAdjuster.adjust(RAW, ACTIONS, Adjustment.NONE)).isSameAs(RAW);
    }

    @Test
    void splitDividesEarlierPricesAndMultipliesVolumes() {
        List<DailyBar> adjusted = BarAdjuster.adjust(RAW, ACTIONS, Adjustment.SPLIT);
        assertThat(adjusted)
                .containsExactly(
                        new DailyBar("X", JAN_2, 49.5, 50.5, 49, 50, 2_000),
                        new DailyBar("X", JAN_3, 50, 52.5, 50, 52, 2_400),
                        RAW.get(2),
                        RAW.get(3));
    }

    @Test
    void totalReturnGivesTheExDateTheCrspReturnAndLeavesEveryOtherDaysReturn() {
        List<DailyBar> adjusted = BarAdjuster.adjust(RAW, ACTIONS, Adjustment.TOTAL_RETURN);
        // every bar before the ex-date is scaled by P_ex / (P_ex + D) = 54 / 54.53, on top of the split
        double factor = 54 / 54.53;
        assertThat(adjusted)
                .extracting(DailyBar::close)
                .satisfiesExactly(
                        close -> assertThat(close).isCloseTo(50 * factor, within(1e-12)),
                        close -> assertThat(close).isCloseTo(52 * factor, within(1e-12)),
                        close -> assertThat(close).isCloseTo(53 * factor, within(1e-12)),
                        close -> assertThat(close).isEqualTo(54));
        // CRSP on the ex-date: (P_ex + D) / P_prev - 1, not the Yahoo P_ex / (P_prev - D) - 1
        assertThat(adjusted.get(3).close() / adjusted.get(2).close() - 1)
                .isCloseTo((54 + 0.53) / 53 - 1, within(1e-15));
        assertThat(adjusted.get(1).close() / adjusted.get(0).close()).isCloseTo(52.0 / 50, within(1e-15));
        assertThat(adjusted.get(0).open()).isCloseTo(49.5 * factor, within(1e-12));
        assertThat(adjusted).extracting(DailyBar::volume).containsExactly(2_000L, 2_400L, 2_600L, 2_000L);
    }

    @Test
    void dividendsCompound() {
        List<DailyBar> bars = List.of(
                new DailyBar("X", JAN_2, 100, 100, 100, 100, 0),
                new DailyBar("X", JAN_3, 50, 50, 50, 50, 0),
                new DailyBar("X", JAN_6, 40, 40, 40, 40, 0));
        List<CorporateAction> dividends = List.of(
                new CorporateAction("X", JAN_3, CorporateActionKind.DIVIDEND, 10), // 50 / (50 + 10) = 5/6
                new CorporateAction("X", JAN_6, CorporateActionKind.DIVIDEND, 5)); // 40 / (40 + 5) = 8/9
        assertThat(BarAdjuster.adjust(bars, dividends, Adjustment.TOTAL_RETURN))
                .extracting(DailyBar::close)
                .satisfiesExactly(
                        close -> assertThat(close).isCloseTo(100 * 5 / 6.0 * 8 / 9.0, within(1e-12)),
                        close -> assertThat(close).isCloseTo(50 * 8 / 9.0, within(1e-12)),
                        close -> assertThat(close).isEqualTo(40));
    }

    @Test
    void theExDateCloseIsTheFirstBarOnOrAfterIt() {
        // ex-date on a day without a bar (Jan 4): the Jan 6 close (53) is the first traded without the dividend
        List<CorporateAction> weekend =
                List.of(new CorporateAction("X", LocalDate.of(2025, 1, 4), CorporateActionKind.DIVIDEND, 1));
        List<DailyBar> adjusted = BarAdjuster.adjust(RAW, weekend, Adjustment.TOTAL_RETURN);
        assertThat(adjusted.get(2).close() / adjusted.get(1).close() - 1)
                .isCloseTo((53 + 1) / 104.0 - 1, within(1e-15));
    }

    @Test
    void aDividendAfterTheLastBarChangesNoReturn() {
        List<CorporateAction> announced =
                List.of(new CorporateAction("X", LocalDate.of(2025, 2, 3), CorporateActionKind.DIVIDEND, 1));
        assertThat(BarAdjuster.adjust(RAW, announced, Adjustment.TOTAL_RETURN)).isEqualTo(RAW);
    }

    @Test
    void aFutureSplitRestatesEveryBarAndAReverseSplitScalesUp() {
        List<CorporateAction> reverse =
                List.of(new CorporateAction("X", LocalDate.of(2026, 1, 1), CorporateActionKind.SPLIT, 0.1));
        List<DailyBar> adjusted = BarAdjuster.adjust(RAW.subList(0, 1), reverse, Adjustment.SPLIT);
        assertThat(adjusted.get(0).close()).isCloseTo(1000, within(1e-9));
        assertThat(adjusted.get(0).volume()).isEqualTo(100);
    }

    @Test
    void aDividendBeforeTheFirstBarChangesNothing() {
        List<CorporateAction> early = List.of(new CorporateAction("X", JAN_2, CorporateActionKind.DIVIDEND, 500));
        assertThat(BarAdjuster.adjust(RAW, early, Adjustment.TOTAL_RETURN)).isEqualTo(RAW);
    }

    @Test
    void aDividendNotBelowThePriorCloseIsInconsistent() {
        List<CorporateAction> huge = List.of(new CorporateAction("X", JAN_3, CorporateActionKind.DIVIDEND, 100));
        assertThatThrownBy(() -> BarAdjuster.adjust(RAW, huge, Adjustment.TOTAL_RETURN))
                .isInstanceOf(InconsistentDataException.class)
                .hasMessageContaining("prior close 100.0 of 2025-01-02");
    }

    @Test
    void closeColumnsAreAdjustedAsTheBarsCloses() {
        for (Adjustment adjustment : Adjustment.values()) {
            CloseSeries adjusted = BarAdjuster.adjust(CloseSeries.of("X", RAW), ACTIONS, adjustment);
            assertThat(adjusted.closes())
                    .containsExactly(BarAdjuster.adjust(RAW, ACTIONS, adjustment).stream()
                            .mapToDouble(DailyBar::close)
                            .toArray());
            assertThat(adjusted.epochDays())
                    .containsExactly(RAW.stream()
                            .mapToInt(bar -> (int) bar.date().toEpochDay())
                            .toArray());
        }
        assertThat(BarAdjuster.adjust(CloseSeries.of("X", RAW), ACTIONS, Adjustment.SPLIT)
                        .closes())
                .containsExactly(50, 52, 53, 54);
        assertThat(CloseSeries.of("X", RAW).upTo(JAN_3).closes()).containsExactly(100, 104);
    }
}
