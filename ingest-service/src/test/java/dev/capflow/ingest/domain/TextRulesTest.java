package dev.capflow.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void refusesNulUnpairedSurrogatesAndOverlongTextButKeepsPairs() {
        assertThat(TextRules.problem("Acme\u0000", 200))
                .isEqualTo("must not contain U+0000 (NUL), found at position 4");
        assertThat(TextRules.problem("Acme \uD800", 200))
                .isEqualTo("must not contain an unpaired UTF-16 surrogate, found U+D800 at position 5");
        assertThat(TextRules.problem("\uDC00x", 200)).contains("U+DC00 at position 0");
        assertThat(TextRules.problem("x".repeat(201), 200)).isEqualTo("at most 200 characters, got 201");
        assertThat(TextRules.problem("caf\u00e9 \uD83D\uDE00", 200)).isNull();
        assertThat(TextRules.problem(null, 200)).isNull();
    }

    @Test
    void quotesShortAndEscaped() {
        assertThat(TextRules.quote("NVDA")).isEqualTo("NVDA");
        assertThat(TextRules.quote("A".repeat(10_000))).isEqualTo("A".repeat(64) + "...(10000 chars)");
        assertThat(TextRules.quote("N\u0000V\uD800")).isEqualTo("N\\u0000V\\uD800");
    }

    @Test
    void symbolsWithNulOrOutsideThePatternAreNamed() {
        assertThat(Symbols.problem(" ")).isEqualTo("required");
        assertThat(Symbols.problem("NVDA\u0000")).startsWith("must not contain U+0000");
        assertThat(Symbols.problem("bad symbol!"))
                .isEqualTo("must be 1 to 32 letters, digits or . - = ^ (got 'bad symbol!')");
        assertThat(Symbols.problem(" nvda ")).isNull();
    }
}
