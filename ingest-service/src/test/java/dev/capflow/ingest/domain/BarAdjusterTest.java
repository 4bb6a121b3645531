package dev.capflow.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Hand-checked numbers: a 2-for-1 split on Jan 6 and a 0.53 dividend going ex on Jan 7 (prior close 53). */
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
        assertThat(adjusted).containsExactly(
                new DailyBar("X", JAN_2, 49.5, 50.5, 49, 50, 2_000),
                new DailyBar("X", JAN_3, 50, 52.5, 50, 52, 2_400),
                RAW.get(2),
                RAW.get(3));
    }

    @Test
    void totalReturnAlsoScalesEveryBarBeforeTheExDateByOneMinusDividendOverPriorClose() {
        List<DailyBar> adjusted = BarAdjuster.adjust(RAW, ACTIONS, Adjustment.TOTAL_RETURN);
        // factor 1 - 0.53 / 53 = 0.99, applied on top of the split
        assertThat(adjusted).extracting(DailyBar::close).satisfiesExactly(
                close -> assertThat(close).isCloseTo(49.5, within(1e-9)),
                close -> assertThat(close).isCloseTo(51.48, within(1e-9)),
                close -> assertThat(close).isCloseTo(52.47, within(1e-9)),
                close -> assertThat(close).isEqualTo(54));
        assertThat(adjusted.get(0).open()).isCloseTo(49.005, within(1e-9));
        assertThat(adjusted).extracting(DailyBar::volume).containsExactly(2_000L, 2_400L, 2_600L, 2_000L);
    }

    @Test
    void dividendsCompound() {
        List<DailyBar> bars = List.of(
                new DailyBar("X", JAN_2, 100, 100, 100, 100, 0),
                new DailyBar("X", JAN_3, 50, 50, 50, 50, 0),
                new DailyBar("X", JAN_6, 40, 40, 40, 40, 0));
        List<CorporateAction> dividends = List.of(
                new CorporateAction("X", JAN_3, CorporateActionKind.DIVIDEND, 10), // 1 - 10/100 = 0.9
                new CorporateAction("X", JAN_6, CorporateActionKind.DIVIDEND, 5)); // 1 - 5/50 = 0.9
        assertThat(BarAdjuster.adjust(bars, dividends, Adjustment.TOTAL_RETURN)).extracting(DailyBar::close)
                .satisfiesExactly(
                        close -> assertThat(close).isCloseTo(81, within(1e-9)),
                        close -> assertThat(close).isCloseTo(45, within(1e-9)),
                        close -> assertThat(close).isEqualTo(40));
    }

    @Test
    void aFutureSplitRestatesEveryBarAndAReverseSplitScalesUp() {
        List<CorporateAction> reverse = List.of(new CorporateAction("X", LocalDate.of(2026, 1, 1), CorporateActionKind.SPLIT, 0.1));
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
                .isInstanceOf(InconsistentDataException.class).hasMessageContaining("prior close 100.0 of 2025-01-02");
    }
}
