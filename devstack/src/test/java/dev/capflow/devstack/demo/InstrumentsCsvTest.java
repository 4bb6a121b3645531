package dev.capflow.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstrumentsCsvTest {

    @Test
    void readsTheShippedRegistry() throws Exception {
        List<DemoInstrument> instruments =
                InstrumentsCsv.parse("instruments.csv", Files.readString(Path.of("../demo/instruments.csv")));

        assertThat(instruments)
                .extracting(DemoInstrument::symbol)
                .containsExactly(
                        "GOOGL", "AVGO", "CLS", "LITE", "TTMI", "NVDA", "MSFT", "SFTBY", "ORCL", "AMD", "CRWV",
                        "9984.T", "QQQ", "SPY", "NDX", "GSPC", "USDJPY", "DEXJPUS");
        assertThat(instruments)
                .filteredOn(i -> i.symbol().equals("9984.T"))
                .singleElement()
                .isEqualTo(
                        new DemoInstrument("9984.T", "SoftBank Group Corp.", "JPY", "TSE", "EQUITY", 5_711_848_120L));
        assertThat(instruments)
                .filteredOn(i -> i.kind().equals("FX"))
                .extracting(DemoInstrument::currency)
                .containsExactly("JPY", "JPY");
        assertThat(instruments)
                .filteredOn(i -> i.kind().equals("INDEX"))
                .extracting(DemoInstrument::symbol)
                .containsExactly("NDX", "GSPC");
        assertThat(instruments)
                .filteredOn(i -> i.sharesOutstanding() != null)
                .extracting(DemoInstrument::symbol)
                .as("every company the funding graph values has a share count (demo/SOURCES-shares.md)")
                .containsExactlyInAnyOrder("GOOGL", "AVGO", "NVDA", "MSFT", "ORCL", "AMD", "CRWV", "9984.T");
    }

    @Test
    void everyShippedPriceFileHasAnInstrument() throws Exception {
        List<String> symbols =
                InstrumentsCsv.parse("instruments.csv", Files.readString(Path.of("../demo/instruments.csv"))).stream()
                        .map(DemoInstrument::symbol)
                        .toList();
        try (var files = Files.list(Path.of("../demo/prices"))) {
            assertThat(files.map(f -> f.getFileName().toString())
                            .filter(n -> n.endsWith(".csv"))
                            .map(n -> n.substring(0, n.length() - 4)))
                    .containsExactlyInAnyOrderElementsOf(symbols);
        }
    }

    @Test
    void reportsEveryBadCellWithItsRow() {
        String csv = """
                symbol,name,currency,exchange,kind,sharesOutstanding
                nvda,NVIDIA Corporation,USD,NASDAQ,equity,24300000000
                ,Nameless,usd,NYSE,ETF,-5
                NVDA,Again,USD,NASDAQ,EQUITY,lots
                """;

        assertThatThrownBy(() -> InstrumentsCsv.parse("instruments.csv", csv))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(String.join(
                        "\n",
                        "instruments.csv row 3: symbol is empty",
                        "instruments.csv row 3: currency 'usd' is not an ISO 4217 code such as USD",
                        "instruments.csv row 3: kind 'ETF' is not one of EQUITY, FX, INDEX",
                        "instruments.csv row 3: sharesOutstanding '-5' is not a positive whole number",
                        "instruments.csv row 4: symbol NVDA appears twice",
                        "instruments.csv row 4: sharesOutstanding 'lots' is not a positive whole number"));
    }

    @Test
    void upperCasesSymbolAndKindAndReadsShares() {
        List<DemoInstrument> instruments = InstrumentsCsv.parse(
                "x.csv",
                "symbol,name,currency,exchange,kind,sharesOutstanding\nnvda,NVIDIA Corporation,USD,NASDAQ,equity,24300000000\n");

        assertThat(instruments)
                .containsExactly(
                        new DemoInstrument("NVDA", "NVIDIA Corporation", "USD", "NASDAQ", "EQUITY", 24_300_000_000L));
    }

    @Test
    void namesAMissingColumn() {
        assertThatThrownBy(() -> InstrumentsCsv.parse("x.csv", "symbol,name\nA,B\n"))
                .hasMessageStartingWith("x.csv: header has no 'currency' column");
    }
}
