package dev.capflow.ingest.domain;

/**
 * Rules every free-text field of ingest follows, and how error messages quote what a caller sent: PostgreSQL cannot
 * store U+0000 and UTF-8 cannot carry an unpaired surrogate (it would be stored as "?"), so both are refused; lengths
 * are bounded so that neither the database nor an error's gRPC trailers grow with the input.
 */
public final class TextRules {

    /** The longest instrument name. */
    public static final int MAX_NAME = 200;
    /** The longest exchange name. */
    public static final int MAX_EXCHANGE = 64;
    /** The characters of a value an error message quotes before cutting it short. */
    static final int QUOTE_LIMIT = 64;

    private TextRules() {}

    /** Why {@code value} is unfit for a text field of at most {@code maxLength} characters, or null when it fits. */
    public static String problem(String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            return "at most " + maxLength + " characters, got " + value.length();
        }
        return characterProblem(value);
    }

    /** Why {@code value} holds a character no field may hold (NUL, an unpaired surrogate), or null. */
    public static String characterProblem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return "must not contain U+0000 (NUL), found at position " + i;
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain an unpaired UTF-16 surrogate, found U+" + hex(c) + " at position " + i;
            }
        }
        return null;
    }

    /**
     * {@code value} as an error message may quote it: at most {@link #QUOTE_LIMIT} characters followed by
     * "...(n chars)" when longer, control characters and surrogates escaped as \\uXXXX, so that an answer never
     * grows with the input nor carries what it refuses.
     */
    public static String quote(String value) {
        if (value == null) {
            return "";
        }
        int shown = Math.min(value.length(), QUOTE_LIMIT);
        StringBuilder quoted = new StringBuilder(shown + 24);
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                quoted.append("\\u").append(hex(c));
            } else {
                quoted.append(c);
            }
        }
        if (value.length() > shown) {
            quoted.append("...(").append(value.length()).append(" chars)");
        }
        return quoted.toString();
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
