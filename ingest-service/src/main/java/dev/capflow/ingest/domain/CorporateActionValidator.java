package dev.capflow.ingest.domain;

import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Normalizes and checks a corporate action sent for recording. */
public final class CorporateActionValidator {

    private CorporateActionValidator() {}

    /**
     * Returns the action, or throws {@link InvalidRequestException} naming every broken field under
     * {@code path}. {@code kind} is null when unspecified; the field not used by the kind must be 0. The ex-date must
     * lie in {@link MarketDates}' range and not after {@code latestExDate} (announced actions only, not guesses that
     * would restate all history at once).
     */
    public static CorporateAction validate(
            String symbol,
            String exDate,
            CorporateActionKind kind,
            double ratio,
            double amount,
            LocalDate latestExDate,
            String path) {
        List<FieldViolation> violations = new ArrayList<>();
        CorporateActionKey key = key(symbol, exDate, kind, violations);
        if (key.exDate() != null && key.exDate().isAfter(latestExDate)) {
            violations.add(new FieldViolation(
                    "ex_date", "must be at most one year ahead: " + key.exDate() + " is after " + latestExDate));
        }
        double value = 0;
        if (kind == CorporateActionKind.SPLIT) {
            value = ratio;
            requireWithin(violations, "ratio", ValueBounds.ratioProblem(ratio), "new shares per old share");
            requireUnset(violations, "amount", amount, "SPLIT");
        } else if (kind == CorporateActionKind.DIVIDEND) {
            value = amount;
            requireWithin(violations, "amount", ValueBounds.priceProblem(amount), "cash per share");
            requireUnset(violations, "ratio", ratio, "DIVIDEND");
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(
                    violations.stream().map(v -> v.under(path)).toList());
        }
        return new CorporateAction(key.symbol(), key.exDate(), kind, value);
    }

    /**
     * Returns the key naming a recorded action, or throws {@link InvalidRequestException} naming every broken field
     * (symbol, ex_date, kind).
     */
    public static CorporateActionKey validateKey(String symbol, String exDate, CorporateActionKind kind) {
        List<FieldViolation> violations = new ArrayList<>();
        CorporateActionKey key = key(symbol, exDate, kind, violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return key;
    }

    /** The key as far as it is valid, adding a violation for each broken part. */
    private static CorporateActionKey key(
            String symbol, String exDate, CorporateActionKind kind, List<FieldViolation> violations) {
        String symbolProblem = Symbols.problem(symbol);
        if (symbolProblem != null) {
            violations.add(new FieldViolation("symbol", symbolProblem));
        }
        MarketDates.Parsed parsed = MarketDates.parse(exDate);
        if (parsed.problem() != null) {
            violations.add(new FieldViolation("ex_date", parsed.problem()));
        }
        if (kind == null) {
            violations.add(new FieldViolation("kind", "required: SPLIT or DIVIDEND"));
        }
        return new CorporateActionKey(Symbols.normalize(symbol), parsed.date(), kind);
    }

    private static void requireWithin(List<FieldViolation> violations, String field, String problem, String meaning) {
        if (problem != null) {
            violations.add(new FieldViolation(field, problem + " (" + meaning + ")"));
        }
    }

    private static void requireUnset(List<FieldViolation> violations, String field, double value, String kind) {
        if (value != 0) {
            violations.add(new FieldViolation(field, "must be 0 for a " + kind + ", got " + value));
        }
    }
}
