package dev.capflow.exposure.domain;

import dev.capflow.exposure.engine.EdgeKind;
import dev.capflow.grpc.ResourceIds;
import dev.capflow.validation.DisplayNames;
import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;
import dev.capflow.validation.PlatformDates;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns drafts into validated entities and edges, or an {@link InvalidRequestException} naming every bad field under
 * the given prefix ({@code entity.}, {@code edge.}). Rules that need the rest of the graph (the endpoints exist, the
 * shares held in one entity sum to less than 1) are checked by the store against the graph as it would be after the
 * write.
 */
public final class GraphValidator {

    /** ingest-service's symbol rule: letters, digits and {@code . - = ^}, at most 32, at least one letter or digit. */
    private static final Pattern SYMBOL = Pattern.compile("(?=.*[A-Z0-9])[A-Z0-9.=^\\-]{1,32}");

    private static final int MAX_SOURCE_ROW = 32;
    /** The largest USD amount of an edge: a loop's total of a few thousand of them stays finite and meaningful. */
    public static final double MAX_EDGE_USD = 1e13;
    /** The largest USD figure of an entity (mark, revenue, cash): ten times the largest company there has been. */
    public static final double MAX_ENTITY_USD = 1e14;
    /** The most gigawatts an edge may state (its amount must stay within {@link #MAX_EDGE_USD}). */
    public static final double MAX_CAPACITY_GW = 100;
    /** The longest name, and the longest source or note (characters). */
    public static final int MAX_NAME = 200;

    public static final int MAX_TEXT = 2_000;
    /** How much of a bad value an error message quotes. */
    private static final int QUOTED = 64;

    private GraphValidator() {}

    /** A validated entity; every problem is reported under {@code prefix} (e.g. {@code entity.}). */
    public static GraphEntity entity(EntityDraft draft, String prefix) {
        List<FieldViolation> violations = new ArrayList<>();
        String id = trim(draft.id());
        if (!ResourceIds.isWellFormed(id)) {
            violations.add(new FieldViolation(
                    prefix + "id",
                    "must be a lower-case slug of letters, digits and '-' (at most 64 characters), got " + quoted(id)));
            id = "";
        }
        String name = text(draft.name(), prefix + "name", MAX_NAME, violations);
        if (name.isEmpty() && violations.stream().noneMatch(v -> v.field().equals(prefix + "name"))) {
            violations.add(new FieldViolation(prefix + "name", "the name of entity " + id + " is required"));
        } else if (!name.isEmpty()) {
            DisplayNames.problem(name)
                    .ifPresent(problem -> violations.add(new FieldViolation(prefix + "name", problem)));
        }
        text(draft.valuationSource(), prefix + "valuation_source", MAX_TEXT, violations);
        text(draft.revenueSource(), prefix + "revenue_source", MAX_TEXT, violations);
        text(draft.cashSource(), prefix + "cash_source", MAX_TEXT, violations);
        if (draft.kind() == null) {
            violations.add(new FieldViolation(
                    prefix + "kind", "entity " + id + ": one of LISTED, PRIVATE, JV, FUND is required"));
        }
        String ticker = symbol(draft.ticker());
        if (ticker.isEmpty() && draft.kind() == EntityKind.LISTED) {
            violations.add(new FieldViolation(
                    prefix + "ticker", "listed entity " + id + " needs the ticker of the instrument that values it"));
        } else if (!ticker.isEmpty() && !SYMBOL.matcher(ticker).matches()) {
            violations.add(new FieldViolation(
                    prefix + "ticker", "entity " + id + ": not a symbol: " + quoted(draft.ticker())));
        }
        List<String> listings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (!ticker.isEmpty()) {
            seen.add(ticker);
        }
        List<String> given = draft.listings() == null ? List.of() : draft.listings();
        for (int i = 0; i < given.size(); i++) {
            String listing = symbol(given.get(i));
            if (!SYMBOL.matcher(listing).matches()) {
                violations.add(new FieldViolation(
                        prefix + "listings[" + i + "]", "entity " + id + ": not a symbol: " + quoted(given.get(i))));
            } else if (!seen.add(listing)) {
                violations.add(new FieldViolation(
                        prefix + "listings[" + i + "]",
                        "entity " + id + ": " + listing + " is listed twice (or is its ticker)"));
            } else {
                listings.add(listing);
            }
        }
        OptionalDouble valuation = draft.valuationUsd() == null ? OptionalDouble.empty() : draft.valuationUsd();
        if (valuation.isPresent() && !(valuation.getAsDouble() > 0 && valuation.getAsDouble() <= MAX_ENTITY_USD)) {
            violations.add(new FieldViolation(
                    prefix + "valuation_usd",
                    "entity " + id + ": a mark must be a positive USD amount of at most " + MAX_ENTITY_USD + ", got "
                            + valuation.getAsDouble()));
        } else if (valuation.isEmpty() && draft.kind() != null && draft.kind() != EntityKind.LISTED) {
            violations.add(new FieldViolation(
                    prefix + "valuation_usd",
                    "entity " + id + " is " + draft.kind() + ": it is valued at its mark, which is required"));
        }
        OptionalDouble revenue = draft.revenueUsd() == null ? OptionalDouble.empty() : draft.revenueUsd();
        if (revenue.isPresent() && !(revenue.getAsDouble() >= 0 && revenue.getAsDouble() <= MAX_ENTITY_USD)) {
            violations.add(new FieldViolation(
                    prefix + "revenue_usd",
                    "entity " + id + ": revenue must be a USD amount in [0, " + MAX_ENTITY_USD + "], got "
                            + revenue.getAsDouble()));
        }
        OptionalDouble cash = draft.cashUsd() == null ? OptionalDouble.empty() : draft.cashUsd();
        if (cash.isPresent() && !(cash.getAsDouble() >= 0 && cash.getAsDouble() <= MAX_ENTITY_USD)) {
            violations.add(new FieldViolation(
                    prefix + "cash_usd",
                    "entity " + id + ": cash must be a USD amount in [0, " + MAX_ENTITY_USD + "], got "
                            + cash.getAsDouble()));
        }
        LocalDate valuationAsOf = markDate(draft.valuationAsOf(), valuation, id, prefix, violations);
        LocalDate revenueAsOf = date(draft.revenueAsOf(), prefix + "revenue_as_of", false, violations);
        LocalDate validFrom = date(draft.validFrom(), prefix + "valid_from", false, violations);
        LocalDate cashAsOf = date(draft.cashAsOf(), prefix + "cash_as_of", false, violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new GraphEntity(
                id,
                name.trim(),
                draft.kind(),
                ticker,
                listings,
                valuation,
                valuationAsOf,
                trim(draft.valuationSource()),
                revenue,
                revenueAsOf,
                trim(draft.revenueSource()),
                cash,
                cashAsOf,
                trim(draft.cashSource()),
                draft.version(),
                validFrom,
                null,
                null);
    }

    /**
     * The date of an entity's mark: a mark must say when it was true, so a valuation without its date is refused, and
     * so is a date without a valuation (it dates nothing). The date is named either way, unless the mark itself is
     * already refused.
     */
    private static LocalDate markDate(
            String text, OptionalDouble valuation, String id, String prefix, List<FieldViolation> violations) {
        String field = prefix + "valuation_as_of";
        int before = violations.size();
        LocalDate date = date(text, field, false, violations);
        boolean dateRefused = violations.size() > before;
        boolean markRefused = violations.stream().anyMatch(v -> v.field().equals(prefix + "valuation_usd"));
        if (dateRefused || markRefused) {
            return date;
        }
        if (valuation.isPresent() && date == null) {
            violations.add(new FieldViolation(
                    field,
                    "entity " + id + ": a mark must say when it was true: its ISO-8601 date (YYYY-MM-DD) is "
                            + "required"));
        } else if (valuation.isEmpty() && date != null) {
            violations.add(new FieldViolation(
                    field,
                    "entity " + id + ": a date without a mark dates nothing: give the mark, or leave the date out"));
        }
        return date;
    }

    /**
     * A validated edge; every problem is reported under {@code prefix} (e.g. {@code edge.}). An empty id is allowed when
     * {@code idRequired} is false (a create, which assigns one).
     */
    public static GraphEdge edge(EdgeDraft draft, String prefix, boolean idRequired) {
        List<FieldViolation> violations = new ArrayList<>();
        String id = trim(draft.id());
        if (id.isEmpty() ? idRequired : !ResourceIds.isWellFormed(id)) {
            violations.add(new FieldViolation(
                    prefix + "id",
                    "must be a lower-case slug of letters, digits and '-' (at most 64 characters), got " + quoted(id)));
            id = "";
        }
        String label = id.isEmpty() ? "the edge" : "edge " + id;
        String from = trim(draft.from());
        String to = trim(draft.to());
        text(draft.from(), prefix + "from", QUOTED, violations);
        text(draft.to(), prefix + "to", QUOTED, violations);
        text(draft.source(), prefix + "source", MAX_TEXT, violations);
        text(draft.note(), prefix + "note", MAX_TEXT, violations);
        text(draft.sourceRow(), prefix + "source_row", MAX_SOURCE_ROW, violations);
        if (from.isEmpty()) {
            violations.add(
                    new FieldViolation(prefix + "from", label + ": the id of the entity it starts at is required"));
        }
        if (to.isEmpty()) {
            violations.add(new FieldViolation(prefix + "to", label + ": the id of the entity it ends at is required"));
        } else if (to.equals(from)) {
            violations.add(new FieldViolation(prefix + "to", label + " is a self-loop: it starts and ends at " + to));
        }
        EdgeKind kind = draft.kind();
        if (kind == null) {
            violations.add(new FieldViolation(
                    prefix + "kind", label + ": one of EQUITY, INVESTMENT, PURCHASE, GUARANTEE is required"));
        }
        OptionalDouble amount = draft.amountUsd() == null ? OptionalDouble.empty() : draft.amountUsd();
        if (amount.isPresent() && !(amount.getAsDouble() >= 0 && amount.getAsDouble() <= MAX_EDGE_USD)) {
            violations.add(new FieldViolation(
                    prefix + "amount_usd",
                    label + ": the amount must be a USD amount in [0, " + MAX_EDGE_USD + "], got "
                            + amount.getAsDouble()));
        }
        OptionalDouble share = draft.share() == null ? OptionalDouble.empty() : draft.share();
        if (kind == EdgeKind.EQUITY && share.isEmpty()) {
            violations.add(new FieldViolation(
                    prefix + "share", label + ": an EQUITY edge needs the share of " + to + " that " + from + " owns"));
        } else if (share.isPresent() && kind != null && kind != EdgeKind.EQUITY) {
            violations.add(
                    new FieldViolation(prefix + "share", label + ": only an EQUITY edge carries a share, not " + kind));
        } else if (share.isPresent() && !(share.getAsDouble() >= 0 && share.getAsDouble() <= 1)) {
            violations.add(new FieldViolation(
                    prefix + "share", label + ": a share is a fraction in [0, 1], got " + share.getAsDouble()));
        }
        LocalDate asOf = date(draft.asOf(), prefix + "as_of", true, violations);
        String sourceRow = trim(draft.sourceRow());
        Capacity capacity = capacity(draft, prefix, label, violations);
        boolean estimated = draft.estimated();
        String note = trim(draft.note());
        OptionalDouble low = orEmpty(draft.amountLowUsd());
        OptionalDouble high = orEmpty(draft.amountHighUsd());
        if (capacity != null && amount.isEmpty()) {
            amount = OptionalDouble.of(capacity.gw() * capacity.kind().baseUsdPerGw());
            low = OptionalDouble.of(capacity.gw() * capacity.kind().lowUsdPerGw());
            high = OptionalDouble.of(capacity.gw() * capacity.kind().highUsdPerGw());
            estimated = true;
            note = note.isEmpty() ? capacity.conversionNote() : note + "; " + capacity.conversionNote();
        } else {
            range(amount, low, high, prefix, label, violations);
        }
        if ((low.isPresent() || high.isPresent()) && !estimated) {
            violations.add(new FieldViolation(
                    prefix + "estimated",
                    label + ": an amount with a range is an estimate; "
                            + "set estimated and give the reasoning in the note"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new GraphEdge(
                id,
                from,
                to,
                kind,
                amount,
                share,
                asOf,
                trim(draft.source()),
                draft.confidence(),
                estimated,
                note,
                sourceRow,
                draft.version(),
                low,
                high,
                capacity,
                null,
                null);
    }

    /** The capacity stated in gigawatts, or null; both the figure and its kind, or neither. */
    private static Capacity capacity(EdgeDraft draft, String prefix, String label, List<FieldViolation> violations) {
        OptionalDouble gw = orEmpty(draft.capacityGw());
        if (gw.isEmpty()) {
            if (draft.capacityKind() != null) {
                violations.add(
                        new FieldViolation(prefix + "capacity_gw", label + ": a capacity kind needs capacity_gw"));
            }
            return null;
        }
        if (!(gw.getAsDouble() > 0 && gw.getAsDouble() <= MAX_CAPACITY_GW)) {
            violations.add(new FieldViolation(
                    prefix + "capacity_gw",
                    label + ": capacity must be a positive number of at " + "most " + MAX_CAPACITY_GW
                            + " gigawatts, got " + gw.getAsDouble()));
            return null;
        }
        if (draft.capacityKind() == null) {
            violations.add(new FieldViolation(
                    prefix + "capacity_kind",
                    label + ": one of ACCELERATORS, CUSTOM_CHIPS, " + "CLOUD_CAPACITY is required with capacity_gw"));
            return null;
        }
        return new Capacity(gw.getAsDouble(), draft.capacityKind());
    }

    /** Checks {@code low <= amount <= high}; a range needs the amount. */
    private static void range(
            OptionalDouble amount,
            OptionalDouble low,
            OptionalDouble high,
            String prefix,
            String label,
            List<FieldViolation> violations) {
        if ((low.isPresent() || high.isPresent()) && amount.isEmpty()) {
            violations.add(new FieldViolation(prefix + "amount_usd", label + ": a range needs its base amount"));
            return;
        }
        if (low.isPresent() && !(low.getAsDouble() >= 0 && low.getAsDouble() <= amount.getAsDouble())) {
            violations.add(new FieldViolation(
                    prefix + "amount_low_usd",
                    label + ": the low amount must be in [0, amount_usd " + amount.getAsDouble() + "], got "
                            + low.getAsDouble()));
        }
        if (high.isPresent() && !(high.getAsDouble() >= amount.getAsDouble() && high.getAsDouble() <= MAX_EDGE_USD)) {
            violations.add(new FieldViolation(
                    prefix + "amount_high_usd",
                    label + ": the high amount must be in [amount_usd " + amount.getAsDouble() + ", " + MAX_EDGE_USD
                            + "], got " + high.getAsDouble()));
        }
    }

    private static OptionalDouble orEmpty(OptionalDouble value) {
        return value == null ? OptionalDouble.empty() : value;
    }

    /** An entity or edge id from a request: trimmed, and required under {@code field}. */
    public static String requireId(String id, String field) {
        String trimmed = trim(id);
        if (trimmed.isEmpty()) {
            throw new InvalidRequestException(field, "an id is required");
        }
        return trimmed;
    }

    /**
     * An ISO-8601 date within {@link PlatformDates}, or null when {@code value} is empty and not {@code required}; a bad
     * value is added to {@code violations} under {@code field}.
     */
    public static LocalDate date(String value, String field, boolean required, List<FieldViolation> violations) {
        String text = trim(value);
        if (text.isEmpty()) {
            if (required) {
                violations.add(new FieldViolation(field, "an ISO-8601 date (YYYY-MM-DD) is required"));
            }
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, "not an ISO-8601 date (YYYY-MM-DD): " + quoted(value)));
            return null;
        }
        String range = PlatformDates.rangeProblem(date);
        if (range != null) {
            violations.add(new FieldViolation(field, range));
            return null;
        }
        return date;
    }

    /** An optional query date (null for none), or an {@link InvalidRequestException} naming {@code field}. */
    public static LocalDate asOf(String value, String field) {
        List<FieldViolation> violations = new ArrayList<>();
        LocalDate date = date(value, field, false, violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return date;
    }

    /**
     * Free text, trimmed; a NUL or other control character (tab, newline and carriage return aside), an unpaired surrogate
     * or more than {@code max} characters is a violation under {@code field}.
     */
    public static String text(String value, String field, int max, List<FieldViolation> violations) {
        String text = trim(value);
        if (text.length() > max) {
            violations.add(new FieldViolation(field, "at most " + max + " characters, got " + text.length()));
            return "";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                violations.add(new FieldViolation(
                        field,
                        "must not contain the control character U+" + String.format(Locale.ROOT, "%04X", (int) c)
                                + " (at index " + i + ")"));
                return "";
            }
            boolean paired = Character.isHighSurrogate(c)
                    ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(++i))
                    : !Character.isLowSurrogate(c);
            if (!paired) {
                violations.add(
                        new FieldViolation(field, "must be valid Unicode text: an unpaired surrogate at index " + i));
                return "";
            }
        }
        return text;
    }

    /** A caller's value in quotes, cut to 64 characters so an error never echoes a huge input. */
    public static String quoted(String value) {
        String text = value == null ? "" : value;
        return "'"
                + (text.length() <= QUOTED
                        ? text
                        : text.substring(0, QUOTED) + "...' (" + text.length() + " characters)")
                + (text.length() <= QUOTED ? "'" : "");
    }

    private static String symbol(String value) {
        return trim(value).toUpperCase(Locale.ROOT);
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
