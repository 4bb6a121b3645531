package dev.capflow.validation;

import java.util.Optional;

/**
 * The rule every name shown to people follows (basket, instrument and entity names): at least one visible character
 * (a letter, digit, punctuation mark or symbol, by Unicode general category), and no bidirectional embedding, override
 * or isolate control (U+202A to U+202E, U+2066 to U+2069), which make text display in another order than it is stored.
 * A name of zero-width spaces, combining marks or no-break spaces alone cannot be told apart from an empty one.
 */
public final class DisplayNames {

    private DisplayNames() {}

    /** Why {@code name} cannot be a name, or empty when it can; {@code null} and blank are the caller's concern. */
    public static Optional<String> problem(String name) {
        boolean visible = false;
        for (int i = 0; i < name.length(); ) {
            int codePoint = name.codePointAt(i);
            if (isBidiControl(codePoint)) {
                return Optional.of(String.format(
                        "must not contain the bidirectional control U+%04X (found at index %d)", codePoint, i));
            }
            visible |= isVisible(codePoint);
            i += Character.charCount(codePoint);
        }
        return visible
                ? Optional.empty()
                : Optional.of("must contain a visible character (a letter, digit, punctuation mark or symbol)");
    }

    private static boolean isBidiControl(int codePoint) {
        return (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    private static boolean isVisible(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL,
                    Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }
}
