package dev.capflow.basket.service;

import dev.capflow.basket.cache.AnswerGenerations;
import dev.capflow.basket.cache.CacheKeys;
import dev.capflow.basket.cache.CachedCloses;
import dev.capflow.basket.cache.ProtoCache;
import dev.capflow.basket.client.IngestClient;
import dev.capflow.basket.config.BasketConfig;
import dev.capflow.basket.domain.Basket;
import dev.capflow.basket.domain.HistoryTooLargeException;
import dev.capflow.basket.domain.MissingDataException;
import dev.capflow.basket.domain.ReturnType;
import dev.capflow.basket.engine.TimeSeries;
import dev.capflow.basket.market.FxQuote;
import dev.capflow.basket.market.FxSeries;
import dev.capflow.basket.market.MarketHistory;
import dev.capflow.proto.ingest.v1.GetBarsBatchResponse;
import dev.capflow.proto.ingest.v1.Instrument;
import dev.capflow.proto.ingest.v1.StreamBarsRequest;
import dev.capflow.validation.InvalidRequestException;
import dev.capflow.validation.PlatformDates;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fetches a basket's history from ingest-service: the members' (and benchmark's) currencies, the configured FX series
 * that convert them ({@link FxSeries}), then every member, FX and benchmark series in ONE StreamBars call (bounded pieces, whatever the basket's size), cached
 * in Redis under the request and the basket's answer generation when small enough. A history over
 * capflow.basket.max-history-points is refused before anything is fetched. The basket is registered as depending on every fetched symbol before the call, so that
 * a change of their history moves the generation (see {@link AnswerGenerations}): the members and the benchmark while
 * their instruments are looked up, the FX series once they are known.
 */
@ApplicationScoped
@Startup // a bad FX configuration (series or max-staleness) stops the service at start, not at its first answer
public class HistoryLoader {

    private final IngestClient ingest;
    private final ProtoCache cache;
    private final AnswerGenerations generations;
    private final BasketConfig config;
    private final FxSeries fxSeries;
    private final BaseCloseStaleness staleness;
    private final FxStaleness fxStaleness;

    public HistoryLoader(
            IngestClient ingest,
            ProtoCache cache,
            AnswerGenerations generations,
            BasketConfig config,
            BaseCloseStaleness staleness,
            FxStaleness fxStaleness) {
        this.ingest = ingest;
        this.staleness = staleness;
        this.fxStaleness = fxStaleness;
        this.cache = cache;
        this.generations = generations;
        this.config = config;
        this.fxSeries = FxSeries.of(config.fx().series());
    }

    /**
     * The history of {@code basket} up to {@code to} (null: the latest close); {@code benchmark} may be null;
     * {@code generation} is the basket's answer generation (null: Redis unavailable, cache nothing).
     */
    public Uni<MarketHistory> load(Basket basket, String benchmark, LocalDate to, ReturnType type, String generation) {
        Set<String> symbols = new LinkedHashSet<>(basket.symbols());
        if (benchmark != null) {
            symbols.add(benchmark);
        }
        // the members' (and benchmark's) dependencies are registered while their instruments are looked up
        Uni<Boolean> symbolsRegistered =
                generation == null ? Uni.createFrom().item(false) : generations.dependOn(basket.id(), symbols);
        return Uni.combine()
                .all()
                .unis(ingest.instruments(symbols), symbolsRegistered)
                .asTuple()
                .chain(found -> {
                    Map<String, String> currencies = currencies(basket, benchmark, found.getItem1());
                    return fxQuotes(basket, currencies).chain(fx -> {
                        List<String> fetched = new ArrayList<>(symbols);
                        fx.forEach(quote -> fetched.add(quote.symbol()));
                        // no earlier than the platform's first date: a base date in January 1900 is valid too
                        LocalDate from = Collections.max(List.of(
                                basket.baseDate()
                                        .minusDays(config.maxBaseStaleness().toDays()),
                                PlatformDates.MIN));
                        requireWithinLimit(basket, fetched.size(), from, to);
                        StreamBarsRequest request = IngestClient.barsRequest(fetched, from, to, type);
                        List<String> fxSymbols =
                                fx.stream().map(FxQuote::symbol).toList();
                        Uni<Boolean> registered = found.getItem2()
                                ? generations.dependOn(basket.id(), fxSymbols)
                                : Uni.createFrom().item(false);
                        return registered
                                .chain(cacheable -> closes(
                                        cacheable ? historyKey(basket, generation, fetched, from, to, type) : null,
                                        request))
                                .call(closes -> staleness.check(basket, closes, type))
                                .call(closes -> fxStaleness.check(basket, fx, closes, type))
                                .map(closes -> new MarketHistory(basket.symbols(), currencies, fx, closes, benchmark));
                    });
                });
    }

    /** Each member's currency, and the benchmark's; fails when the benchmark or a member is not registered. */
    private static Map<String, String> currencies(
            Basket basket, String benchmark, Map<String, Instrument> instruments) {
        if (benchmark != null && !instruments.containsKey(benchmark)) {
            throw new InvalidRequestException(
                    "benchmark", "unknown symbol " + benchmark + ": not in the ingest-service instrument registry");
        }
        Map<String, String> currencies = new LinkedHashMap<>();
        for (String symbol : basket.symbols()) {
            Instrument instrument = instruments.get(symbol);
            if (instrument == null) {
                throw new MissingDataException("member " + symbol + " of basket " + basket.id()
                        + " is no longer in the ingest-service instrument registry");
            }
            currencies.put(symbol, instrument.getCurrency());
        }
        if (benchmark != null) {
            // the benchmark is converted into the basket currency like a member (MarketHistory.benchmarkSeries)
            currencies.putIfAbsent(benchmark, instruments.get(benchmark).getCurrency());
        }
        return currencies;
    }

    /** The Redis key of a history read, under the basket's answer generation. */
    private String historyKey(
            Basket basket, String generation, List<String> fetched, LocalDate from, LocalDate to, ReturnType type) {
        return CacheKeys.key(
                config.redis().keyPrefix(),
                "history",
                List.of(
                        basket.id(),
                        generation,
                        String.join(",", fetched),
                        from.toString(),
                        String.valueOf(to),
                        type.name()));
    }

    /** Fails with {@link HistoryTooLargeException} when the history would hold more points than configured. */
    private void requireWithinLimit(Basket basket, int series, LocalDate from, LocalDate to) {
        LocalDate end = to != null ? to : LocalDate.now(ZoneOffset.UTC);
        long points = series * Math.max(1, ChronoUnit.DAYS.between(from, end) + 1);
        if (points > config.maxHistoryPoints()) {
            throw new HistoryTooLargeException("basket " + basket.id() + " needs " + points + " price points (" + series
                    + " series x " + (points / series) + " days from " + from + " to " + end
                    + "), over the limit capflow.basket.max-history-points=" + config.maxHistoryPoints()
                    + ": ask for a window ending earlier, or use fewer members");
        }
    }

    /** The closes cached at {@code key} (null: cache nothing), else streamed from ingest-service and cached if small. */
    private Uni<Map<String, TimeSeries>> closes(String key, StreamBarsRequest request) {
        if (key == null) {
            return ingest.closes(request);
        }
        return cache.get(key, GetBarsBatchResponse.parser())
                .chain(cached -> cached != null
                        ? Uni.createFrom().item(CachedCloses.fromMessage(cached))
                        : ingest.closes(request).invoke(closes -> {
                            if (CachedCloses.points(closes) <= config.redis().historyMaxPoints()) {
                                cache.put(key, CachedCloses.toMessage(closes));
                            }
                        }));
    }

    /**
     * The configured FX series for every foreign currency of a member or the benchmark (none when all match), each
     * checked in one registry look-up: registered as an FX instrument quoted in the currency its pair says.
     */
    private Uni<List<FxQuote>> fxQuotes(Basket basket, Map<String, String> currencies) {
        Set<String> foreign = new LinkedHashSet<>(currencies.values());
        foreign.remove(basket.currency());
        if (foreign.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<FxQuote> quotes = foreign.stream()
                .map(currency -> fxSeries.quote(basket.currency(), currency)
                        .orElseThrow(() -> new MissingDataException("no FX series converts " + currency + " into "
                                + basket.currency() + ": configure " + FxSeries.keyFor(basket.currency(), currency))))
                .toList();
        return ingest.fxCurrencies(quotes.stream().map(FxQuote::symbol).toList())
                .map(registered -> {
                    for (FxQuote quote : quotes) {
                        String quotedIn = registered.get(quote.symbol());
                        if (!quote.quotedIn().equals(quotedIn)) {
                            throw new MissingDataException("the FX series " + quote.symbol() + " configured to convert "
                                    + quote.currency() + " into " + basket.currency()
                                    + (quotedIn == null
                                            ? " is not a registered FX instrument"
                                            : " is quoted in " + quotedIn + ", not in " + quote.quotedIn()));
                        }
                    }
                    return quotes;
                });
    }
}
