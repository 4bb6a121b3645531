package dev.capflow.ingest.repository;

import dev.capflow.ingest.domain.MinuteBar;
import dev.capflow.ingest.domain.MinuteBarPage;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The minute bars that {@link TickRepository#insert} keeps up to date: reads of ingest.minute_bar_current (the stored
 * bars merged with the parts pending for them), and the fold of the pending parts into the stored bars.
 */
@ApplicationScoped
public class MinuteBarRepository {

    /** A page of one symbol's bars in key order; a null $4 starts at the beginning of the range. */
    private static final String PAGE = """
            SELECT symbol, minute, open, high, low, close, volume, tick_count FROM ingest.minute_bar_current
            WHERE symbol = $1 AND minute >= $2 AND minute <= $3 AND ($4::timestamptz IS NULL OR minute > $4)
            ORDER BY minute
            LIMIT $5""";

    private static final String FOLD = "SELECT ingest.fold_minute_bars() AS folded";

    private final Pool pool;
    private final ReadPools reads;

    public MinuteBarRepository(Pool pool, ReadPools reads) {
        this.pool = pool;
        this.reads = reads;
    }

    /**
     * Merges the pending parts committed so far into the stored bars (one transaction; what readers see does not
     * change) and answers how many parts it merged.
     */
    public Uni<Long> foldPending() {
        return pool.query(FOLD).execute().map(rows -> rows.iterator().next().getLong("folded"));
    }

    /**
     * The bars of {@code symbol} whose minute is in [{@code from}, {@code to}] and after {@code after} (null: from the
     * start), oldest first, at most {@code pageSize} of them.
     */
    public Uni<MinuteBarPage> page(String symbol, Instant from, Instant to, Instant after, int pageSize) {
        Tuple params = Tuple.of(symbol, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(after == null ? null : after.atOffset(ZoneOffset.UTC))
                .addInteger(pageSize + 1); // one more tells whether another page follows
        // a bar of minute m holds ticks up to m + 60 s
        return reads.upTo(to.plusSeconds(60))
                .preparedQuery(PAGE)
                .execute(params)
                .map(rows -> {
                    List<MinuteBar> bars = new ArrayList<>(Math.min(rows.size(), pageSize));
                    for (Row row : rows) {
                        bars.add(new MinuteBar(
                                row.getString("symbol"),
                                row.getOffsetDateTime("minute").toInstant(),
                                row.getDouble("open"),
                                row.getDouble("high"),
                                row.getDouble("low"),
                                row.getDouble("close"),
                                row.getLong("volume"),
                                row.getLong("tick_count")));
                    }
                    if (bars.size() <= pageSize) {
                        return new MinuteBarPage(bars, null);
                    }
                    List<MinuteBar> page = bars.subList(0, pageSize);
                    return new MinuteBarPage(
                            List.copyOf(page), page.get(pageSize - 1).minute());
                });
    }
}
