package dev.capflow.basket.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.capflow.basket.engine.BasketArgumentException;
import dev.capflow.basket.engine.BasketDefinition;
import dev.capflow.basket.engine.Rebalance;
import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;

/**
 * Turns a {@link BasketInput} into a {@link Basket} or an {@link InvalidRequestException} naming every bad field
 * under {@code basket.}. Member rules (non-empty, no duplicate, weights summing to 1) are the engine's own.
 */
public final class BasketValidator {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z])([A-Z])");

    private BasketValidator() {
    }

    /**
     * The validated basket; {@code idRequired} is false for a create, where an empty id is assigned later; more than
     * {@code maxMembers} members are refused.
     */
    public static Basket validate(BasketInput input, boolean idRequired, int maxMembers) {
        List<FieldViolation> violations = new ArrayList<>();
        String id = input.id() == null ? "" : input.id().trim();
        if (id.isEmpty() ? idRequired : !ID.matcher(id).matches()) {
            violations.add(new FieldViolation("basket.id",
                    "must be a lower-case slug of letters, digits and '-' (at most 64 characters), got '" + id + "'"));
        }
        String name = input.name() == null ? "" : input.name().trim();
        if (name.isEmpty()) {
            violations.add(new FieldViolation("basket.name", "the name is required"));
        }
        String currency = input.currency() == null ? "" : input.currency().trim().toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(currency).matches()) {
            violations.add(new FieldViolation("basket.currency", "must be an ISO 4217 code such as USD, got '"
                    + input.currency() + "'"));
        }
        LocalDate baseDate = parseDate(input.baseDate(), "basket.base_date", true, violations);
        if (input.weighting() == null) {
            violations.add(new FieldViolation("basket.weighting", "must be WEIGHTING_EQUAL or WEIGHTING_CUSTOM"));
        }
        double baseValue = input.baseValue() == 0 ? BasketDefinition.DEFAULT_BASE_VALUE : input.baseValue();
        Rebalance rebalance = input.rebalance() == null ? Rebalance.NONE : input.rebalance();
        List<Member> given = input.members() == null ? List.of() : input.members();
        if (given.size() > maxMembers) {
            violations.add(new FieldViolation("basket.members", "at most " + maxMembers
                    + " members (capflow.basket.max-members), got " + given.size()));
        }
        // equal weighting ignores the weights given and stores exactly 1/n
        double equal = 1.0 / Math.max(1, given.size());
        List<Member> members = given.stream().map(m -> new Member(normalizeSymbol(m.symbol()),
                input.weighting() == Weighting.EQUAL ? equal : m.weight())).toList();
        Basket basket = new Basket(id, name, currency, baseDate, baseValue, input.weighting(), rebalance, members,
                input.version());
        if (violations.isEmpty()) {
            try {
                basket.toDefinition();
            } catch (BasketArgumentException e) {
                violations.add(new FieldViolation("basket." + snakeCase(e.field()), e.reason()));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return basket;
    }

    /**
     * An ISO-8601 date, or null when {@code value} is empty and not {@code required}; a bad value is added to
     * {@code violations} under {@code field}.
     */
    public static LocalDate parseDate(String value, String field, boolean required, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(new FieldViolation(field, "an ISO-8601 date (YYYY-MM-DD) is required"));
            }
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, "not an ISO-8601 date (YYYY-MM-DD): '" + value + "'"));
            return null;
        }
    }

    /** A symbol as the instrument registry spells it: trimmed and upper-case. */
    public static String normalizeSymbol(String symbol) {
        return symbol == null ? "" : symbol.trim().toUpperCase(Locale.ROOT);
    }

    /** The proto spelling of an engine field path ({@code baseValue} becomes {@code base_value}). */
    public static String snakeCase(String field) {
        return CAMEL_HUMP.matcher(field).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
    }
}
