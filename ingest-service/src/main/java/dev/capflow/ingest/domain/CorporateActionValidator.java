package dev.capflow.ingest.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;

/** Normalizes and checks a corporate action sent for recording. */
public final class CorporateActionValidator {

    private CorporateActionValidator() {
    }

    /**
     * Returns the action, or throws {@link InvalidRequestException} naming every broken field under
     * {@code path}. {@code kind} is null when unspecified; the field not used by the kind must be 0.
     */
    public static CorporateAction validate(String symbol, String exDate, CorporateActionKind kind, double ratio,
            double amount, String path) {
        List<FieldViolation> violations = new ArrayList<>();
        String normalized = Symbols.normalize(symbol);
        if (normalized.isEmpty()) {
            violations.add(new FieldViolation("symbol", "required"));
        }
        LocalDate date = null;
        if (exDate == null || exDate.isBlank()) {
            violations.add(new FieldViolation("ex_date", "required"));
        } else {
            try {
                date = LocalDate.parse(exDate.trim());
            } catch (DateTimeParseException e) {
                violations.add(new FieldViolation("ex_date", "not an ISO-8601 date: " + exDate));
            }
        }
        double value = 0;
        if (kind == null) {
            violations.add(new FieldViolation("kind", "required: SPLIT or DIVIDEND"));
        } else if (kind == CorporateActionKind.SPLIT) {
            value = ratio;
            requirePositive(violations, "ratio", ratio, "new shares per old share");
            requireUnset(violations, "amount", amount, "SPLIT");
        } else {
            value = amount;
            requirePositive(violations, "amount", amount, "cash per share");
            requireUnset(violations, "ratio", ratio, "DIVIDEND");
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations.stream().map(v -> v.under(path)).toList());
        }
        return new CorporateAction(normalized, date, kind, value);
    }

    private static void requirePositive(List<FieldViolation> violations, String field, double value, String meaning) {
        if (!Double.isFinite(value) || value <= 0) {
            violations.add(new FieldViolation(field, "must be a finite number > 0 (" + meaning + "), got " + value));
        }
    }

    private static void requireUnset(List<FieldViolation> violations, String field, double value, String kind) {
        if (value != 0) {
            violations.add(new FieldViolation(field, "must be 0 for a " + kind + ", got " + value));
        }
    }
}
