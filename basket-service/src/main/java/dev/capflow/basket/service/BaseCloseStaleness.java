package dev.capflow.basket.service;

import dev.capflow.basket.client.IngestClient;
import dev.capflow.basket.config.BasketConfig;
import dev.capflow.basket.domain.Basket;
import dev.capflow.basket.domain.ReturnType;
import dev.capflow.basket.engine.MemberPricesException;
import dev.capflow.basket.engine.TimeSeries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Tells a member whose last close is too long before the base date from one that never traded before it. History is
 * fetched only capflow.basket.max-base-staleness before the base date, so both look alike in it; the first member
 * without a close there is looked up once more, without a start, and if it has an older close it is refused naming
 * that close, the gap and the limit. A member that truly has none is left to the engine's "has no price at or before
 * the base date".
 */
@ApplicationScoped
public class BaseCloseStaleness {

    private final IngestClient ingest;
    private final long limitDays;

    public BaseCloseStaleness(IngestClient ingest, BasketConfig config) {
        this.ingest = ingest;
        this.limitDays = config.maxBaseStaleness().toDays();
    }

    /** Fails with {@link MemberPricesException} naming {@code members[i].symbol} when that member's base-date close is too old. */
    public Uni<Void> check(Basket basket, Map<String, TimeSeries> closes, ReturnType type) {
        List<String> members = basket.symbols();
        for (int i = 0; i < members.size(); i++) {
            TimeSeries series = closes.get(members.get(i));
            if (series == null || series.isEmpty() || series.firstDate().isAfter(basket.baseDate())) {
                return explain(basket, i, type);
            }
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> explain(Basket basket, int index, ReturnType type) {
        String symbol = basket.symbols().get(index);
        LocalDate base = basket.baseDate();
        return ingest.closes(IngestClient.barsRequest(List.of(symbol), null, base, type))
                .invoke(found -> {
                    TimeSeries before = found.get(symbol);
                    if (before != null
                            && !before.isEmpty()
                            && !before.firstDate().isAfter(base)) {
                        LocalDate last = before.lastDate();
                        throw new MemberPricesException(
                                "members[" + index + "].symbol",
                                "member " + symbol
                                        + "'s last close before the base date " + base + " is on " + last + " ("
                                        + ChronoUnit.DAYS.between(last, base) + " days earlier; the limit is "
                                        + limitDays
                                        + " days: capflow.basket.max-base-staleness)");
                    }
                })
                .replaceWithVoid();
    }
}
