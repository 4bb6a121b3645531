package dev.capflow.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinuteBarPartsTest {

    private static final Instant M0 = Instant.parse("2024-03-04T14:30:00Z");

    private static Tick tick(String symbol, double seconds, double price, long size) {
        return tick(symbol, seconds, price, size, "", "");
    }

    private static Tick tick(String symbol, double seconds, double price, long size, String source, String tradeId) {
        return new Tick(symbol, M0.plusNanos(Math.round(seconds * 1_000_000) * 1_000), price, size, source, tradeId);
    }

    /** "symbol minute open high low close volume count open-ts close-ts" of each part. */
    private static List<String> describe(List<MinuteBarParts.Part> parts) {
        return parts.stream()
                .map(part -> part.symbol() + " " + part.minute() + " "
                        + part.open().price() + " " + part.high() + " "
                        + part.low() + " " + part.close().price() + " " + part.volume() + " " + part.tickCount() + " "
                        + part.open().ts() + " " + part.close().ts())
                .toList();
    }

    @Test
    void outOfOrderTicksOfSeveralSymbolsAndMinutesRollUpByTime() {
        List<Tick> ticks = List.of(
                tick("A", 30, 105, 2),
                tick("B", 59.999999, 7, 1),
                tick("A", 5, 101, 1),
                tick("A", 60, 97, 4),
                tick("A", 50, 103, 5, "x", "1"),
                tick("A", 10, 100, 10),
                tick("B", 0, 8, 3));

        assertThat(MinuteBarParts.of(ticks).map(MinuteBarPartsTest::describe))
                .hasValue(List.of(
                        "A 2024-03-04T14:30:00Z 101.0 105.0 100.0 103.0 18 4 2024-03-04T14:30:05Z"
                                + " 2024-03-04T14:30:50Z",
                        "B 2024-03-04T14:30:00Z 8.0 8.0 7.0 7.0 4 2 2024-03-04T14:30:00Z"
                                + " 2024-03-04T14:30:59.999999Z",
                        "A 2024-03-04T14:31:00Z 97.0 97.0 97.0 97.0 4 1 2024-03-04T14:31:00Z"
                                + " 2024-03-04T14:31:00Z"));
    }

    @Test
    void theOpenAndCloseKeepTheirTicksIdentity() {
        MinuteBarParts.Part part = MinuteBarParts.of(
                        List.of(tick("A", 20, 1, 1, "s2", "t2"), tick("A", 10, 2, 1, "s1", "t1")))
                .orElseThrow()
                .get(0);

        assertThat(List.of(
                        part.open().source(),
                        part.open().tradeId(),
                        part.close().source(),
                        part.close().tradeId()))
                .containsExactly("s1", "t1", "s2", "t2");
    }

    @Test
    void aMinuteBeforeTheEpochStartsAtTheMinuteBelow() {
        List<Tick> ticks = List.of(
                new Tick("A", Instant.parse("1969-12-31T23:59:30.5Z"), 2, 1),
                new Tick("A", Instant.parse("1969-12-31T23:59:00Z"), 1, 1),
                new Tick("A", Instant.parse("1970-01-01T00:00:00Z"), 3, 1));

        assertThat(MinuteBarParts.of(ticks).orElseThrow())
                .extracting(MinuteBarParts.Part::minute, MinuteBarParts.Part::tickCount)
                .containsExactly(
                        tuple(Instant.parse("1969-12-31T23:59:00Z"), 2L),
                        tuple(Instant.parse("1970-01-01T00:00:00Z"), 1L));
    }

    @Test
    void twoTicksAtABarsFirstOrLastMicrosecondAreLeftToTheDatabase() {
        // which of two same-microsecond ticks opens the bar depends on the collation of source and trade_id
        assertThat(MinuteBarParts.of(
                        List.of(tick("A", 1, 10, 1, "b", ""), tick("A", 1, 11, 1, "a", ""), tick("A", 2, 12, 1))))
                .isEmpty();
        assertThat(MinuteBarParts.of(
                        List.of(tick("A", 1, 10, 1), tick("A", 2, 11, 1, "b", ""), tick("A", 2, 12, 1, "a", ""))))
                .isEmpty();
    }

    @Test
    void aTieInsideABarOrAcrossBarsIsDecidedByTime() {
        List<Tick> ticks = List.of(
                tick("A", 1, 10, 1),
                tick("A", 2, 11, 1, "b", ""),
                tick("A", 2, 12, 1, "a", ""),
                tick("A", 3, 13, 1),
                tick("B", 1, 20, 1));

        assertThat(MinuteBarParts.of(ticks).orElseThrow())
                .extracting(part -> part.open().price(), part -> part.close().price())
                .containsExactly(tuple(10.0, 13.0), tuple(20.0, 20.0));
    }

    @Test
    void anEarlierTickEndsATieAtTheOpen() {
        List<Tick> ticks = List.of(
                tick("A", 2, 11, 1, "b", ""), tick("A", 2, 12, 1, "a", ""), tick("A", 1, 10, 1), tick("A", 3, 13, 1));

        assertThat(MinuteBarParts.of(ticks).orElseThrow())
                .extracting(part -> part.open().price(), part -> part.close().price())
                .containsExactly(tuple(10.0, 13.0));
    }

    @Test
    void aVolumePastALongIsLeftToTheDatabase() {
        List<Tick> ticks = List.of(tick("A", 1, 10, Long.MAX_VALUE - 1), tick("A", 2, 10, 2));

        assertThat(MinuteBarParts.of(ticks)).isEmpty();
    }
}
