package dev.capflow.ingest.grpc;

import com.google.protobuf.Timestamp;
import dev.capflow.ingest.domain.Symbols;
import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A checked paged history request (GetTicks, GetMinuteBars): symbol, inclusive time range (unbounded sides filled in),
 * page size, and the position {@code after} which the page starts (null: the first page).
 */
record HistoryQuery<P>(String symbol, Instant from, Instant to, int pageSize, P after) {

    /** What a page token is bound to: the checked symbol and range (not the page size, which may change). */
    String key() {
        return key(symbol, from, to);
    }

    private static String key(String symbol, Instant from, Instant to) {
        return symbol + "\n" + from + "\n" + to;
    }

    static final int DEFAULT_PAGE_SIZE = 1000;
    static final int MAX_PAGE_SIZE = 10_000;
    /** The range of google.protobuf.Timestamp, which PostgreSQL's timestamptz holds too. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /**
     * {@code from} and {@code to} are null when absent; {@code tokens} decodes a page token of the query whose
     * {@link #key} it is given, or throws naming it.
     */
    static <P> HistoryQuery<P> of(
            String rawSymbol,
            Timestamp fromField,
            Timestamp toField,
            int pageSize,
            String token,
            BiFunction<String, String, P> tokens) {
        List<FieldViolation> violations = new ArrayList<>();
        String symbol = Symbols.normalize(rawSymbol);
        if (symbol.isEmpty()) {
            violations.add(new FieldViolation("symbol", "required"));
        }
        Instant from = fromField != null ? instant(fromField, "from", violations) : EARLIEST;
        Instant to = toField != null ? instant(toField, "to", violations) : LATEST;
        if (from != null && to != null && from.isAfter(to)) {
            violations.add(new FieldViolation("from", "from " + from + " is after to " + to));
        }
        if (pageSize < 0 || pageSize > MAX_PAGE_SIZE) {
            violations.add(new FieldViolation(
                    "page_size",
                    "must be between 1 and " + MAX_PAGE_SIZE + " (0 means " + DEFAULT_PAGE_SIZE + "), got "
                            + pageSize));
        }
        P after = null;
        try {
            after = tokens.apply(token, key(symbol, from, to));
        } catch (InvalidRequestException invalid) {
            violations.addAll(invalid.violations());
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new HistoryQuery<>(symbol, from, to, pageSize == 0 ? DEFAULT_PAGE_SIZE : pageSize, after);
    }

    private static Instant instant(Timestamp timestamp, String field, List<FieldViolation> violations) {
        if (timestamp.getNanos() < 0
                || timestamp.getNanos() > 999_999_999
                || timestamp.getSeconds() < EARLIEST.getEpochSecond()
                || timestamp.getSeconds() > LATEST.getEpochSecond()) {
            violations.add(new FieldViolation(field, "not a valid timestamp (years 1 to 9999, nanos 0 to 999999999)"));
            return null;
        }
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
