package dev.capflow.ingest.grpc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.Timestamp;

import dev.capflow.ingest.domain.Symbols;
import dev.capflow.ingest.domain.Tick;
import dev.capflow.proto.ingest.v1.GetTicksRequest;
import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;

/** A checked GetTicks request: symbol, inclusive time range (unbounded sides filled in), page size and start. */
record TickHistoryQuery(String symbol, Instant from, Instant to, int pageSize, Tick.Position after) {

    static final int DEFAULT_PAGE_SIZE = 1000;
    static final int MAX_PAGE_SIZE = 10_000;
    /** The range of google.protobuf.Timestamp, which PostgreSQL's timestamptz holds too. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    static TickHistoryQuery of(GetTicksRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        String symbol = Symbols.normalize(request.getSymbol());
        if (symbol.isEmpty()) {
            violations.add(new FieldViolation("symbol", "required"));
        }
        Instant from = request.hasFrom() ? instant(request.getFrom(), "from", violations) : EARLIEST;
        Instant to = request.hasTo() ? instant(request.getTo(), "to", violations) : LATEST;
        if (from != null && to != null && from.isAfter(to)) {
            violations.add(new FieldViolation("from", "from " + from + " is after to " + to));
        }
        int pageSize = request.getPageSize();
        if (pageSize < 0 || pageSize > MAX_PAGE_SIZE) {
            violations.add(new FieldViolation("page_size", "must be between 1 and " + MAX_PAGE_SIZE
                    + " (0 means " + DEFAULT_PAGE_SIZE + "), got " + pageSize));
        }
        Tick.Position after = null;
        try {
            after = PageTokens.decode(request.getPageToken());
        } catch (InvalidRequestException invalid) {
            violations.addAll(invalid.violations());
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new TickHistoryQuery(symbol, from, to, pageSize == 0 ? DEFAULT_PAGE_SIZE : pageSize, after);
    }

    private static Instant instant(Timestamp timestamp, String field, List<FieldViolation> violations) {
        if (timestamp.getNanos() < 0 || timestamp.getNanos() > 999_999_999
                || timestamp.getSeconds() < EARLIEST.getEpochSecond() || timestamp.getSeconds() > LATEST.getEpochSecond()) {
            violations.add(new FieldViolation(field, "not a valid timestamp (years 1 to 9999, nanos 0 to 999999999)"));
            return null;
        }
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
