package dev.capflow.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DisplayNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Team Google", "Ünïcode", "日本", "X", "7", "$", "—", "e\u0301tude", "AI 🚀"})
    void aNameWithAVisibleCharacterIsAName(String name) {
        assertThat(DisplayNames.problem(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u200B\u200B", // zero-width spaces
                "\u0301\u0301", // combining acute accents alone
                "\u00A0\u00A0", // no-break spaces
                "\u2060", // word joiner
                "\uFEFF" // zero-width no-break space
            })
    void aNameWithNothingVisibleIsRefused(String name) {
        assertThat(DisplayNames.problem(name))
                .contains("must contain a visible character (a letter, digit, punctuation mark or symbol)");
    }

    @ParameterizedTest
    @CsvSource({"202E, 4", "202A, 4", "2066, 4", "2069, 4"})
    void aBidirectionalControlIsRefusedNamingItsCodePointAndIndex(String hex, int index) {
        String name = "Team" + Character.toString(Integer.parseInt(hex, 16)) + "elgooG";
        assertThat(DisplayNames.problem(name))
                .contains("must not contain the bidirectional control U+" + hex + " (found at index " + index + ")");
    }
}
