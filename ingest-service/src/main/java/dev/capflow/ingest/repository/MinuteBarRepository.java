package dev.capflow.ingest.repository;

import dev.capflow.ingest.domain.MinuteBar;
import dev.capflow.ingest.domain.MinuteBarPage;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Reads of the minute bars that {@link TickRepository#insert} keeps up to date. */
@ApplicationScoped
public class MinuteBarRepository {

    /** A page of one symbol's bars in key order; a null $4 starts at the beginning of the range. */
    private static final String PAGE = """
            SELECT symbol, minute, open, high, low, close, volume, tick_count FROM ingest.minute_bar
            WHERE symbol = $1 AND minute >= $2 AND minute <= $3 AND ($4::timestamptz IS NULL OR minute > $4)
            ORDER BY minute
            LIMIT $5""";

    private final ReadPools reads;

    public MinuteBarRepository(ReadPools reads) {
        this.reads = reads;
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
