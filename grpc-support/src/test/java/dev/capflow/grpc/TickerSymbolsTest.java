package dev.capflow.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TickerSymbolsTest {

    @Test
    void asciiLettersAreUpperCasedAndTheSymbolTrimmed() {
        assertThat(TickerSymbols.normalize(" nvda ")).isEqualTo("NVDA");
        assertThat(TickerSymbols.normalize("brk.b")).isEqualTo("BRK.B");
        assertThat(TickerSymbols.isWellFormed(TickerSymbols.normalize("eurusd=x")))
                .isTrue();
    }

    @Test
    void aSymbolInItsCanonicalSpellingIsAnsweredAsItIs() {
        String canonical = new String("BRK.B");
        assertThat(TickerSymbols.normalize(canonical)).isSameAs(canonical);
        assertThat(TickerSymbols.normalize(" BRK.B")).isEqualTo("BRK.B");
        assertThat(TickerSymbols.normalize("BRK.b")).isEqualTo("BRK.B");
        assertThat(TickerSymbols.normalize("ſPY")).isEqualTo("ſPY");
        assertThat(TickerSymbols.normalize(null)).isEmpty();
    }

    /** Dotless i, long s, sharp s, the fi ligature, the Kelvin sign, a Cyrillic A: none becomes an ASCII symbol. */
    @ParameterizedTest
    @CsvSource({"nvdı, NVDı", "ſpy, ſPY", "ßap, ßAP", "ﬁnv, ﬁNV", "Ko, KO", "nvdА, NVDА"})
    void aLookAlikeLetterIsNotFoldedIntoAnotherSymbol(String symbol, String normalized) {
        assertThat(TickerSymbols.normalize(symbol)).isEqualTo(normalized);
        assertThat(TickerSymbols.isWellFormed(normalized)).isFalse();
    }
}
