package dev.capflow.ingest.domain;

import dev.capflow.grpc.TickerSymbols;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks bars and ticks record by record; a bad record yields one rejection naming its first broken
 * field, so that accepted + duplicates + rejected always adds up to the records sent.
 */
public final class PriceValidator {

    /** UTC+14 (Kiribati) is the first zone to start a day: no session anywhere can be dated later. */
    private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);
    /** The width of the tick table's source and trade_id columns. */
    static final int MAX_IDENTITY_LENGTH = 64;

    private final Clock clock;
    private final Duration tickClockSkew;

    public PriceValidator(Clock clock, Duration tickClockSkew) {
        this.clock = clock;
        this.tickClockSkew = tickClockSkew;
    }

    /** Validates daily bars against the known symbols; symbols are normalized in the result. */
    public Validated<DailyBar> validateBars(List<BarInput> inputs, Set<String> knownSymbols) {
        return validateBars(inputs, knownSymbols, false);
    }

    /**
     * Validates daily bars; with {@code uniqueKeys} (a correction, which must say which version wins) a symbol and
     * date seen earlier in {@code inputs} is rejected at its index.
     */
    public Validated<DailyBar> validateBars(List<BarInput> inputs, Set<String> knownSymbols, boolean uniqueKeys) {
        LocalDate latestDate = LocalDate.now(clock.withZone(EARLIEST_ZONE));
        List<DailyBar> valid = new ArrayList<>(inputs.size());
        List<Rejection> rejected = new ArrayList<>();
        Map<String, Integer> firstIndexOfKey = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            BarInput in = inputs.get(i);
            String symbol = Symbols.normalize(in.symbol());
            Problem problem = checkSymbol(in.symbol(), symbol, knownSymbols);
            LocalDate date = null;
            if (problem == null) {
                DateOrProblem parsed = parseDate(in.date(), latestDate);
                date = parsed.date();
                problem = parsed.problem();
            }
            if (problem == null) {
                problem = checkBarValues(in);
            }
            if (problem == null && uniqueKeys) {
                Integer first = firstIndexOfKey.putIfAbsent(symbol + "|" + date, i);
                if (first != null) {
                    problem = new Problem(
                            "date", symbol + " " + date + " already appears at index " + first + " of this correction");
                }
            }
            if (problem == null) {
                valid.add(new DailyBar(symbol, date, in.open(), in.high(), in.low(), in.close(), in.volume()));
            } else {
                rejected.add(Rejection.atIndex(i, problem.field(), problem.reason()));
            }
        }
        return new Validated<>(valid, rejected);
    }

    /** Validates ticks against the known symbols; timestamps are truncated to microseconds, as stored. */
    public Validated<Tick> validateTicks(List<TickInput> inputs, Set<String> knownSymbols) {
        Instant latestTs = clock.instant().plus(tickClockSkew);
        List<Tick> valid = new ArrayList<>(inputs.size());
        List<Rejection> rejected = new ArrayList<>();
        Map<String, CheckedSymbol> checked = new HashMap<>(); // a batch names few symbols: each is checked once
        // consecutive ticks often share a timestamp: the previous one's check (and its Instant) is reused
        TickInput previousInput = null;
        TsOrProblem previousTs = null;
        for (int i = 0; i < inputs.size(); i++) {
            TickInput in = inputs.get(i);
            CheckedSymbol checkedSymbol = checked.computeIfAbsent(in.symbol(), raw -> {
                String normalized = Symbols.normalize(raw);
                return new CheckedSymbol(normalized, checkSymbol(raw, normalized, knownSymbols));
            });
            String symbol = checkedSymbol.symbol();
            Problem problem = checkedSymbol.problem();
            Instant ts = null;
            if (problem == null) {
                TsOrProblem parsed = previousInput != null && sameTimestamp(in, previousInput)
                        ? previousTs
                        : checkTimestamp(in, latestTs);
                previousInput = in;
                previousTs = parsed;
                ts = parsed.ts();
                problem = parsed.problem();
            }
            if (problem == null) {
                problem = positivePrice("price", in.price());
            }
            if (problem == null) {
                problem = named("size", ValueBounds.volumeProblem(in.size()));
            }
            if (problem == null) {
                problem = identityPart("source", in.source());
            }
            if (problem == null) {
                problem = identityPart("trade_id", in.tradeId());
            }
            if (problem == null) {
                valid.add(new Tick(symbol, ts, in.price(), in.size(), in.source(), in.tradeId()));
            } else {
                rejected.add(Rejection.atIndex(i, problem.field(), problem.reason()));
            }
        }
        return new Validated<>(valid, rejected);
    }

    private static Problem checkSymbol(String raw, String symbol, Set<String> knownSymbols) {
        String malformed = Symbols.problem(raw);
        if (malformed != null) {
            return new Problem("symbol", malformed);
        }
        if (!knownSymbols.contains(symbol)) {
            return new Problem(
                    "symbol", "unknown symbol " + symbol + " (" + TickerSymbols.registrationHint(symbol) + ")");
        }
        return null;
    }

    private static DateOrProblem parseDate(String text, LocalDate latestDate) {
        MarketDates.Parsed parsed = MarketDates.parse(text);
        if (parsed.problem() != null) {
            return new DateOrProblem(null, new Problem("date", parsed.problem()));
        }
        LocalDate date = parsed.date();
        if (date.isAfter(latestDate)) {
            return new DateOrProblem(
                    null,
                    new Problem("date", "in the future: " + date + " is after " + latestDate + " (today in UTC+14)"));
        }
        return new DateOrProblem(date, null);
    }

    private static Problem checkBarValues(BarInput in) {
        Problem problem = positivePrice("open", in.open());
        if (problem == null) {
            problem = positivePrice("high", in.high());
        }
        if (problem == null) {
            problem = positivePrice("low", in.low());
        }
        if (problem == null) {
            problem = positivePrice("close", in.close());
        }
        if (problem != null) {
            return problem;
        }
        double top = Math.max(in.open(), in.close());
        double bottom = Math.min(in.open(), in.close());
        if (in.high() < top) {
            return new Problem("high", "high " + in.high() + " is below max(open, close) = " + top);
        }
        if (in.low() > bottom) {
            return new Problem("low", "low " + in.low() + " is above min(open, close) = " + bottom);
        }
        return named("volume", ValueBounds.volumeProblem(in.volume()));
    }

    private static Problem identityPart(String field, String value) {
        return named(field, TextRules.problem(value, MAX_IDENTITY_LENGTH));
    }

    private static Problem positivePrice(String field, double value) {
        return named(field, ValueBounds.priceProblem(value));
    }

    /** The reason as a problem of {@code field}, or null when there is none. */
    private static Problem named(String field, String reason) {
        return reason == null ? null : new Problem(field, reason);
    }

    private static boolean sameTimestamp(TickInput a, TickInput b) {
        return a.hasTs() == b.hasTs() && a.tsSeconds() == b.tsSeconds() && a.tsNanos() == b.tsNanos();
    }

    private TsOrProblem checkTimestamp(TickInput in, Instant latestTs) {
        if (!in.hasTs()) {
            return new TsOrProblem(null, new Problem("ts", "required"));
        }
        if (in.tsNanos() < 0 || in.tsNanos() > 999_999_999) {
            return new TsOrProblem(
                    null,
                    new Problem("ts", "not a valid timestamp: nanos must be 0 to 999999999, got " + in.tsNanos()));
        }
        if (!MarketDates.inRange(in.tsSeconds())) {
            return new TsOrProblem(
                    null,
                    new Problem(
                            "ts",
                            "must be between " + MarketDates.MIN_INSTANT + " and " + MarketDates.END_INSTANT
                                    + " (excluded), got seconds=" + in.tsSeconds()));
        }
        Instant ts;
        try {
            ts = Instant.ofEpochSecond(in.tsSeconds(), in.tsNanos()).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeException e) {
            return new TsOrProblem(null, new Problem("ts", "not a valid timestamp: " + e.getMessage()));
        }
        if (ts.isAfter(latestTs)) {
            return new TsOrProblem(
                    null,
                    new Problem(
                            "ts",
                            "in the future: " + ts + " is more than " + tickClockSkew.toSeconds()
                                    + "s ahead of now (latest accepted " + latestTs + ")"));
        }
        return new TsOrProblem(ts, null);
    }

    private record Problem(String field, String reason) {}

    /** A raw symbol's normalized form and what is wrong with it (null: nothing). */
    private record CheckedSymbol(String symbol, Problem problem) {}

    private record DateOrProblem(LocalDate date, Problem problem) {}

    private record TsOrProblem(Instant ts, Problem problem) {}
}
