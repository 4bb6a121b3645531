package dev.capflow.basket.domain;

import dev.capflow.basket.engine.BasketArgumentException;
import dev.capflow.basket.engine.BasketDefinition;
import dev.capflow.basket.engine.Rebalance;
import dev.capflow.grpc.ResourceIds;
import dev.capflow.grpc.TickerSymbols;
import dev.capflow.validation.DisplayNames;
import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns a {@link BasketInput} into a {@link Basket} or an {@link InvalidRequestException} naming every bad field
 * under {@code basket.}. Member rules (non-empty, no duplicate, weights summing to 1) are the engine's own.
 */
public final class BasketValidator {

    /** The longest basket name, in characters (UTF-16 code units, as Java and the JSON client count them). */
    public static final int MAX_NAME = 200;

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z])([A-Z])");

    private BasketValidator() {}

    /**
     * The validated basket; {@code idRequired} is false for a create, where an empty id is assigned later; more than
     * {@code maxMembers} members, a currency outside {@code currencies} (those the platform can convert) and a base date
     * after {@code today} are refused.
     */
    public static Basket validate(
            BasketInput input, boolean idRequired, int maxMembers, Set<String> currencies, LocalDate today) {
        List<FieldViolation> violations = new ArrayList<>();
        String id = input.id() == null ? "" : input.id().trim();
        if (id.isEmpty() ? idRequired : !ResourceIds.isWellFormed(id)) {
            violations.add(new FieldViolation(
                    "basket.id",
                    "must be a lower-case slug of letters, digits and '-' (at most 64 characters), got " + quoted(id)));
        }
        String name = input.name() == null ? "" : input.name().trim();
        if (name.isEmpty()) {
            violations.add(new FieldViolation("basket.name", "the name is required"));
        } else if (name.length() > MAX_NAME) {
            violations.add(
                    new FieldViolation("basket.name", "at most " + MAX_NAME + " characters, got " + name.length()));
        } else {
            DisplayNames.problem(name).ifPresent(problem -> violations.add(new FieldViolation("basket.name", problem)));
        }
        // refused rather than upper-cased: a code is stored and answered exactly as the client sent it
        String currency = input.currency() == null ? "" : input.currency().trim();
        if (!CURRENCY.matcher(currency).matches()) {
            violations.add(new FieldViolation(
                    "basket.currency",
                    "must be an upper-case ISO 4217 code such as USD, got " + quoted(input.currency())));
        } else if (!currencies.contains(currency)) {
            violations.add(new FieldViolation(
                    "basket.currency",
                    "the platform converts only " + new TreeSet<>(currencies)
                            + " (USD and the configured capflow.basket.fx.series), got " + currency));
        }
        LocalDate baseDate = parseDate(input.baseDate(), "basket.base_date", true, violations);
        if (baseDate != null && baseDate.isAfter(today)) {
            violations.add(new FieldViolation(
                    "basket.base_date", "must not be in the future (today is " + today + "), got " + baseDate));
        }
        if (input.weighting() == null) {
            violations.add(new FieldViolation("basket.weighting", "must be WEIGHTING_EQUAL or WEIGHTING_CUSTOM"));
        }
        double baseValue = input.baseValue() == 0 ? BasketDefinition.DEFAULT_BASE_VALUE : input.baseValue();
        Rebalance rebalance = input.rebalance() == null ? Rebalance.NONE : input.rebalance();
        List<Member> given = input.members() == null ? List.of() : input.members();
        if (given.size() > maxMembers) {
            // refused before any member is looked at, so the refusal costs the same however long the list is
            violations.add(new FieldViolation(
                    "basket.members",
                    "at most " + maxMembers + " members (capflow.basket.max-members), got " + given.size()));
            throw new InvalidRequestException(violations);
        }
        // equal weighting stores exactly 1/n: a weight given is refused, not dropped, unless it is that 1/n (read back)
        double equal = 1.0 / Math.max(1, given.size());
        if (input.weighting() == Weighting.EQUAL) {
            for (int i = 0; i < given.size(); i++) {
                double weight = given.get(i).weight();
                if (weight != 0 && !(Math.abs(weight - equal) <= 1e-9)) {
                    violations.add(new FieldViolation(
                            "basket.members[" + i + "].weight",
                            "EQUAL weighting sets every " + "weight to 1/" + given.size()
                                    + ": leave the weights out, or use CUSTOM weighting to keep them"));
                }
            }
        }
        for (int i = 0; i < given.size(); i++) {
            String symbol = normalizeSymbol(given.get(i).symbol());
            if (!symbol.isEmpty() && !TickerSymbols.isWellFormed(symbol)) {
                violations.add(new FieldViolation(
                        "basket.members[" + i + "].symbol",
                        "must be a ticker symbol (" + TickerSymbols.RULE + "), got "
                                + quoted(given.get(i).symbol())));
            }
        }
        List<Member> members = given.stream()
                .map(m -> new Member(
                        normalizeSymbol(m.symbol()), input.weighting() == Weighting.EQUAL ? equal : m.weight()))
                .toList();
        Basket basket = new Basket(
                id, name, currency, baseDate, baseValue, input.weighting(), rebalance, members, input.version());
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

    /** The range of dates the platform holds market data for, as ingest-service bounds bars and ex-dates. */
    static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

    static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);

    /**
     * An ISO-8601 date from 1900-01-01 to 2100-12-31, or null when {@code value} is empty and not {@code required}; a
     * bad value is added to {@code violations} under {@code field}.
     */
    public static LocalDate parseDate(String value, String field, boolean required, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(new FieldViolation(field, "an ISO-8601 date (YYYY-MM-DD) is required"));
            }
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, "not an ISO-8601 date (YYYY-MM-DD): " + quoted(value)));
            return null;
        }
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
            violations.add(new FieldViolation(
                    field,
                    "must be between " + EARLIEST_DATE + " and " + LATEST_DATE + " (the range of market data), got "
                            + quoted(value)));
            return null;
        }
        return date;
    }

    /** A caller's value in quotes, cut to 64 characters so that an error never echoes a huge input. */
    static String quoted(String value) {
        String text = value == null ? "" : value;
        return text.length() <= 64
                ? "'" + text + "'"
                : "'" + text.substring(0, 64) + "...' (" + text.length() + " characters)";
    }

    /** A symbol as the instrument registry spells it: trimmed and upper-case. */
    public static String normalizeSymbol(String symbol) {
        return TickerSymbols.normalize(symbol);
    }

    /** The proto spelling of an engine field path ({@code baseValue} becomes {@code base_value}). */
    public static String snakeCase(String field) {
        return CAMEL_HUMP.matcher(field).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
    }
}
