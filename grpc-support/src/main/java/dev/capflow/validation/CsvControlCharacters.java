package dev.capflow.validation;

/**
 * Finds a control character inside a comma-separated line, for both CSV importers (ingest-service's per-symbol one and
 * the gateway's bulk one): a NUL or another control character in a value rejects its row naming the column, where
 * trimming or number parsing would otherwise drop it silently.
 */
public final class CsvControlCharacters {

    /** Why such a row is rejected. */
    public static final String REASON = "contains a control character (NUL, or another below U+0020 but tab)";

    private CsvControlCharacters() {}

    /** The 0-based cell of {@code line} holding a control character other than tab, or -1 when there is none. */
    public static int cellWithOne(String line) {
        int cell = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ',') {
                cell++;
            } else if (Character.isISOControl(c) && c != '\t') {
                return cell;
            }
        }
        return -1;
    }
}
