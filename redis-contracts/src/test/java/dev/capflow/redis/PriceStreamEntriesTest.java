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
}
