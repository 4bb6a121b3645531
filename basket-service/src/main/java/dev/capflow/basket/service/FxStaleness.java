package dev.capflow.basket.service;

import dev.capflow.basket.client.IngestClient;
import dev.capflow.basket.config.BasketConfig;
import dev.capflow.basket.domain.Basket;
import dev.capflow.basket.domain.MissingDataException;
import dev.capflow.basket.domain.ReturnType;
import dev.capflow.basket.engine.TimeSeries;
import dev.capflow.basket.market.FxQuote;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Refuses an answer that would carry an FX rate forward longer than capflow.basket.fx.max-staleness: at the base date,
 * across a gap in the series, or past its last observation up to the last close the answer uses. The refusal
 * (FAILED_PRECONDITION) names the pair, the series, the first date without a fresh rate and the last observation
 * before it. A series without an observation in the fetched history before the base date is looked up once more,
 * without a start, to name its last observation, as {@link BaseCloseStaleness} does for members.
 */
@ApplicationScoped
public class FxStaleness {

    private static final String LIMIT_KEY = "capflow.basket.fx.max-staleness";

    private final IngestClient ingest;
    private final long limitDays;

    public FxStaleness(IngestClient ingest, BasketConfig config) {
        this.ingest = ingest;
        this.limitDays = config.fx().maxStaleness().toDays();
        if (limitDays < 0 || config.fx().maxStaleness().compareTo(config.maxBaseStaleness()) > 0) {
            // history is fetched max-base-staleness before the base date: an older rate would not be there to use
            throw new IllegalArgumentException(LIMIT_KEY + "=" + config.fx().maxStaleness()
                    + " must be between 0 and capflow.basket.max-base-staleness=" + config.maxBaseStaleness());
        }
    }

    /** Fails with {@link MissingDataException} when a rate of {@code fx} is too old on a date the answer needs. */
    public Uni<Void> check(Basket basket, List<FxQuote> fx, Map<String, TimeSeries> closes, ReturnType type) {
        LocalDate end = lastClose(closes, fx, basket.baseDate());
        for (FxQuote quote : fx) {
            TimeSeries rates =
                    closes.getOrDefault(quote.symbol(), TimeSeries.builder().build());
            int atBase = indexAtOrBefore(rates, basket.baseDate());
            if (atBase < 0) {
                return explainBase(basket, quote, rates, type);
            }
            for (int i = atBase; i < rates.size(); i++) {
                LocalDate observed = rates.date(i);
                LocalDate next = i + 1 < rates.size() ? rates.date(i + 1) : end.plusDays(1);
                LocalDate stale = max(observed.plusDays(limitDays + 1), basket.baseDate());
                if (stale.isBefore(next) && !stale.isAfter(end)) {
                    throw new MissingDataException(describe(basket, quote) + " has no observation in the " + limitDays
                            + " days up to " + stale + ", a date the answer needs: its last before it is on " + observed
                            + " (" + ChronoUnit.DAYS.between(observed, stale) + " days earlier; the limit is "
                            + limitDays + " days: " + LIMIT_KEY + ")");
                }
            }
        }
        return Uni.createFrom().voidItem();
    }

    /** Names the last observation before the base date, older than the fetched history, or says there is none. */
    private Uni<Void> explainBase(Basket basket, FxQuote quote, TimeSeries fetched, ReturnType type) {
        LocalDate base = basket.baseDate();
        return ingest.closes(IngestClient.barsRequest(List.of(quote.symbol()), null, base, type))
                .invoke(found -> {
                    TimeSeries before = found.getOrDefault(
                            quote.symbol(), TimeSeries.builder().build());
                    int last = indexAtOrBefore(before, base);
                    String what = describe(basket, quote) + " has no observation at or before the base date " + base;
                    if (last >= 0) {
                        LocalDate observed = before.date(last);
                        throw new MissingDataException(what + " within the limit: its last is on " + observed + " ("
                                + ChronoUnit.DAYS.between(observed, base) + " days earlier; the limit is " + limitDays
                                + " days: " + LIMIT_KEY + ")");
                    }
                    throw new MissingDataException(what
                            + (fetched.isEmpty()
                                    ? ": it has no observations"
                                    : ": its first is on " + fetched.firstDate()));
                })
                .replaceWithVoid();
    }

    /** "the FX series DEXJPUS of USD/JPY (converting JPY into USD for basket b)". */
    private static String describe(Basket basket, FxQuote quote) {
        String other = quote.quotedIn().equals(quote.currency()) ? basket.currency() : quote.currency();
        return "the FX series " + quote.symbol() + " of " + other + "/" + quote.quotedIn() + " (converting "
                + quote.currency() + " into " + basket.currency() + " for basket " + basket.id() + ")";
    }

    /** The latest close of any series but the FX ones (the last date an answer uses), at least {@code base}. */
    private static LocalDate lastClose(Map<String, TimeSeries> closes, List<FxQuote> fx, LocalDate base) {
        LocalDate last = base;
        for (Map.Entry<String, TimeSeries> series : closes.entrySet()) {
            boolean rate = fx.stream().anyMatch(quote -> quote.symbol().equals(series.getKey()));
            if (!rate && !series.getValue().isEmpty()) {
                last = max(last, series.getValue().lastDate());
            }
        }
        return last;
    }

    private static int indexAtOrBefore(TimeSeries series, LocalDate date) {
        return series.indexAtOrBefore(Math.toIntExact(date.toEpochDay()));
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
