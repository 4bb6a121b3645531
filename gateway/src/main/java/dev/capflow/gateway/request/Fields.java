package dev.capflow.gateway.request;

import dev.capflow.grpc.ResourceIds;
import dev.capflow.grpc.TickerSymbols;
import dev.capflow.validation.PlatformDates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the fields of one input, collecting a violation for each field that is missing or unusable
 * instead of stopping at the first; call {@link #throwIfInvalid()} once every field is read. A
 * getter whose field is invalid returns a placeholder that must not be used.
 */
public final class Fields {

    private final List<FieldViolation> violations = new ArrayList<>();

    /** A single required, non-blank string (for example a path id), or an {@link InvalidFieldsException} naming it. */
    public static String requiredText(String field, String value) {
        Fields fields = new Fields();
        String checked = fields.text(field, value);
        fields.throwIfInvalid();
        return checked;
    }

    /** A required, non-blank string, stripped of surrounding blanks. */
    public String text(String field, String value) {
        if (value == null) {
            return missing(field, "");
        }
        if (value.isBlank()) {
            return invalid(field, "must not be blank", "");
        }
        return value.strip();
    }

    /** A required ticker symbol, stripped, that follows {@link TickerSymbols} (a path or query symbol is never sent on otherwise). */
    public String symbol(String field, String value) {
        String text = text(field, value);
        if (!text.isEmpty() && !TickerSymbols.isWellFormed(TickerSymbols.normalize(text))) {
            return invalid(field, "must be a ticker symbol: " + TickerSymbols.RULE, "");
        }
        return text;
    }

    /** A required basket or entity id that follows {@link ResourceIds} (a query id is never sent on otherwise). */
    public String resourceId(String field, String value) {
        String text = text(field, value);
        if (!text.isEmpty() && !ResourceIds.isWellFormed(text)) {
            return invalid(field, "must be " + ResourceIds.RULE, "");
        }
        return text;
    }

    /** A required finite number. */
    public double number(String field, Double value) {
        if (value == null) {
            return missing(field, Double.NaN);
        }
        if (!Double.isFinite(value)) {
            return invalid(field, "must be a finite number", Double.NaN);
        }
        return value;
    }

    /** A required ISO-8601 calendar date such as 2025-10-29. */
    public LocalDate date(String field, String value) {
        if (value == null) {
            return missing(field, null);
        }
        return optionalDate(field, value);
    }

    /** An optional ISO-8601 calendar date; null when absent or blank. */
    public LocalDate optionalDate(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return IsoDates.parse(value.strip());
        } catch (DateTimeParseException e) {
            return invalid(field, "must be an ISO-8601 date such as 2025-10-29", null);
        }
    }

    /**
     * A required ISO-8601 instant such as 2025-10-29T14:30:00Z (an offset instead of Z is accepted), inside the
     * platform's dates ({@link PlatformDates}).
     */
    public Instant instant(String field, String value) {
        if (value == null) {
            return missing(field, null);
        }
        Instant instant;
        try {
            instant = Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            return invalid(field, "must be an ISO-8601 instant such as 2025-10-29T14:30:00Z", null);
        }
        String outside = PlatformDates.rangeProblem(instant);
        return outside == null ? instant : invalid(field, outside, null);
    }

    /** A required name among the public names of {@code codec}, ignoring case. */
    public <E extends Enum<E>> E oneOf(String field, String value, EnumCodec<E> codec) {
        if (value == null) {
            return missing(field, null);
        }
        return codec.parse(value).orElseGet(() -> invalid(field, "must be one of " + codec.names(), null));
    }

    /** Records a violation of a rule that involves more than one field, when {@code holds} is false. */
    public void check(boolean holds, String field, String reason) {
        if (!holds) {
            violations.add(new FieldViolation(field, reason));
        }
    }

    public List<FieldViolation> violations() {
        return List.copyOf(violations);
    }

    /** Throws an {@link InvalidFieldsException} listing every violation, if there is any. */
    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new InvalidFieldsException(violations);
        }
    }

    private <T> T missing(String field, T placeholder) {
        return invalid(field, "is required", placeholder);
    }

    private <T> T invalid(String field, String reason, T placeholder) {
        violations.add(new FieldViolation(field, reason));
        return placeholder;
    }
}
