package dev.capflow.ingest.domain;

import dev.capflow.validation.DisplayNames;
import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/** Normalizes and checks an instrument sent for registration. */
public final class InstrumentValidator {

    private InstrumentValidator() {}

    /**
     * Returns the instrument normalized (symbol and currency upper-cased, text trimmed) or throws
     * {@link InvalidRequestException} naming every broken field under {@code path} (e.g. "instrument").
     * {@code kind} is null when the caller left it unspecified.
     */
    public static Instrument validate(Instrument raw, String path) {
        List<FieldViolation> violations = new ArrayList<>();
        String symbol = Symbols.normalize(raw.symbol());
        String symbolProblem = Symbols.problem(raw.symbol());
        if (symbolProblem != null) {
            violations.add(new FieldViolation("symbol", symbolProblem));
        }
        String name = raw.name() == null ? "" : raw.name().trim();
        if (name.isEmpty()) {
            violations.add(new FieldViolation("name", "required"));
        } else {
            DisplayNames.problem(name).ifPresent(problem -> violations.add(new FieldViolation("name", problem)));
        }
        addTextProblem(violations, "name", raw.name(), TextRules.MAX_NAME);
        addTextProblem(violations, "exchange", raw.exchange(), TextRules.MAX_EXCHANGE);
        String currency = raw.currency() == null ? "" : raw.currency().trim().toUpperCase(Locale.ROOT);
        if (currency.isEmpty()) {
            violations.add(new FieldViolation("currency", "required"));
        } else if (!isIsoCurrency(currency)) {
            violations.add(new FieldViolation(
                    "currency", "not an ISO 4217 currency code: " + TextRules.quote(raw.currency())));
        }
        if (raw.kind() == null) {
            violations.add(new FieldViolation("kind", "required: EQUITY, FX or INDEX"));
        }
        // absent means unknown; 0 would value the company at 0 and break cap weighting and the funding graph
        if (raw.sharesOutstanding() != null && raw.sharesOutstanding() <= 0) {
            violations.add(new FieldViolation(
                    "shares_outstanding", "must be > 0 (leave it out when unknown), got " + raw.sharesOutstanding()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(
                    violations.stream().map(v -> v.under(path)).toList());
        }
        String exchange = raw.exchange() == null ? "" : raw.exchange().trim();
        return new Instrument(symbol, name, currency, exchange, raw.kind(), raw.sharesOutstanding(), raw.version());
    }

    private static void addTextProblem(List<FieldViolation> violations, String field, String value, int maxLength) {
        String problem = TextRules.problem(value, maxLength);
        if (problem != null) {
            violations.add(new FieldViolation(field, problem));
        }
    }

    private static boolean isIsoCurrency(String code) {
        if (code.length() != 3) {
            return false;
        }
        try {
            return Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
