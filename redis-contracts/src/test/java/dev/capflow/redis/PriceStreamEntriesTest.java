package dev.capflow.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.redis.PriceStreamEntries.StreamTick;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceStreamEntriesTest {

    @Test
    void aTickEntryKeepsMicrosecondsAndTheOrigin() {
        StreamTick tick = new StreamTick("MSFT", Instant.parse("2025-10-29T14:30:00.123456Z"), 541.5, 300, "", "");
        Map<String, String> fields = PriceStreamEntries.tick(tick, "instance-1");
        assertThat(fields)
                .containsExactly(
                        Map.entry("symbol", "MSFT"),
                        Map.entry("price", "541.5"),
                        Map.entry("size", "300"),
                        Map.entry("ts", "2025-10-29T14:30:00.123456Z"),
                        Map.entry("origin", "instance-1"));
        assertThat(PriceStreamEntries.decodeTick(fields)).isEqualTo(tick);
        assertThat(PriceStreamEntries.origin(fields)).isEqualTo("instance-1");
        assertThat(PriceStreamEntries.decodeTick(Map.of("symbol", "X"))).isNull();
    }

    @Test
    void aTicksSourceIdentityTravelsWithIt() {
        StreamTick tick =
                new StreamTick("MSFT", Instant.parse("2025-10-29T14:30:00.123456Z"), 541.5, 300, "nasdaq", "7731");
        Map<String, String> fields = PriceStreamEntries.tick(tick, "instance-1");
        assertThat(fields).containsEntry("source", "nasdaq").containsEntry("trade_id", "7731");
        assertThat(PriceStreamEntries.decodeTick(fields)).isEqualTo(tick);
    }

    @Test
    void aChangeEntryNamesItsKindAndSymbolsAndIsNoTick() {
        Map<String, String> fields =
                PriceStreamEntries.change(PriceStreamEntries.BARS, List.of("NVDA", "AMD"), "instance-1");
        assertThat(fields)
                .containsExactly(
                        Map.entry("kind", "bars"), Map.entry("symbols", "NVDA,AMD"), Map.entry("origin", "instance-1"));
        assertThat(PriceStreamEntries.isChange(fields)).isTrue();
        assertThat(PriceStreamEntries.changedSymbols(fields)).containsExactly("NVDA", "AMD");
        assertThat(PriceStreamEntries.decodeTick(fields))
                .as("a reader that knows only ticks skips it")
                .isNull();
        assertThat(PriceStreamEntries.isChange(
                        PriceStreamEntries.tick(new StreamTick("MSFT", Instant.EPOCH, 1, 1, "", ""), "i")))
                .isFalse();
    }

    @Test
    void aChangeOfAKindAddedLaterStillNamesItsSymbols() {
        Map<String, String> fields = Map.of("kind", "delisting", "symbols", " NVDA, ,AMD ");
        assertThat(PriceStreamEntries.isChange(fields)).isTrue();
        assertThat(PriceStreamEntries.changedSymbols(fields)).containsExactly("NVDA", "AMD");
        assertThat(PriceStreamEntries.changedSymbols(Map.of("kind", "bars"))).isEmpty();
    }

    @Test
    void aSymbolsShardIsCrc32OfItsUtf8BytesModuloTheShardCount() {
        PriceStreamEntries.Shards shards = new PriceStreamEntries.Shards(PriceStreamEntries.DEFAULT_KEY, 16);

        // pinned: every service, in any language, must pick the same shard (zlib.crc32(b"NVDA") % 16 == 7)
        assertThat(shards.shardOf("NVDA")).isEqualTo(7);
        assertThat(shards.keyFor("AAPL")).isEqualTo("capflow:prices:{12}");
        assertThat(shards.keys()).hasSize(16).startsWith("capflow:prices:{0}").endsWith("capflow:prices:{15}");
        assertThat(shards.bySymbolKey(List.of("MSFT", "NVDA", "GOOGL")))
                .containsExactly(
                        Map.entry("capflow:prices:{11}", List.of("MSFT", "GOOGL")),
                        Map.entry("capflow:prices:{7}", List.of("NVDA")));
    }

    @Test
    void aPackedEntryHoldsItsTicksInOrderInTheDocumentedLayout() {
        List<StreamTick> ticks = List.of(
                new StreamTick("NVDA", Instant.parse("2025-10-29T14:30:00.123456Z"), 181.25, 300, "", ""),
                new StreamTick("AMD", Instant.parse("2025-10-29T14:30:01Z"), 1e-7, Long.MAX_VALUE, "nasdaq", "7731"),
                new StreamTick("NVDA", Instant.parse("2025-10-29T14:30:02.5Z"), 12345.678, 0, "", "only-a-trade-id"));

        Map<String, String> fields = PriceStreamEntries.packed(ticks, "instance-1");

        assertThat(fields)
                .containsExactly(
                        Map.entry(
                                "ticks",
                                "NVDA\t181.25\t300\t2025-10-29T14:30:00.123456Z\t\t\n"
                                        + "AMD\t1.0E-7\t9223372036854775807\t2025-10-29T14:30:01Z\tnasdaq\t7731\n"
                                        + "NVDA\t12345.678\t0\t2025-10-29T14:30:02.500Z\t\tonly-a-trade-id"),
                        Map.entry("origin", "instance-1"));
        assertThat(PriceStreamEntries.isChange(fields)).isFalse();
        assertThat(PriceStreamEntries.origin(fields)).isEqualTo("instance-1");
        assertThat(PriceStreamEntries.ticks(fields)).containsExactlyElementsOf(ticks);
    }

    @Test
    void separatorsAndBackslashesInsideATicksTextSurviveThePackedForm() {
        List<StreamTick> ticks = List.of(
                new StreamTick("ÅBO", Instant.EPOCH, 1, 1, "a\tb\\", "line\nbreak\\n"),
                new StreamTick("X", Instant.EPOCH, 2, 2, "\t", ""));

        Map<String, String> fields = PriceStreamEntries.packed(ticks, "i");

        assertThat(fields.get("ticks")).doesNotContain("a\tb").startsWith("ÅBO\t1.0\t1\t");
        assertThat(PriceStreamEntries.ticks(fields)).containsExactlyElementsOf(ticks);
    }

    @Test
    void aTickEntryIsReadAsItsOneTick() {
        StreamTick tick = new StreamTick("MSFT", Instant.parse("2025-10-29T14:30:00.123456Z"), 541.5, 300, "n", "1");

        assertThat(PriceStreamEntries.ticks(PriceStreamEntries.tick(tick, "old-writer")))
                .containsExactly(tick);
        assertThat(PriceStreamEntries.ticks(Map.of("symbol", "X"))).isNull();
    }

    @Test
    void aMalformedPackedEntryGivesNoTicks() {
        String good = "NVDA\t1.5\t3\t2025-10-29T14:30:00Z\t\t";
        assertThat(PriceStreamEntries.ticks(Map.of("ticks", good))).hasSize(1);
        for (String malformed : List.of(
                "",
                good + "\n",
                good + "\textra",
                "NVDA\t1.5\t3\t2025-10-29T14:30:00Z\t",
                "NVDA\tabc\t3\t2025-10-29T14:30:00Z\t\t",
                "NVDA\t1.5\t3.5\t2025-10-29T14:30:00Z\t\t",
                "NVDA\t1.5\t3\tyesterday\t\t",
                "NV\\qDA\t1.5\t3\t2025-10-29T14:30:00Z\t\t",
                good + "\\",
                good + "\nNVDA\t1.5\n3\t2025-10-29T14:30:00Z\t\t")) {
            assertThat(PriceStreamEntries.ticks(Map.of("ticks", malformed, "origin", "o")))
                    .as(malformed)
                    .isNull();
        }
    }
}
