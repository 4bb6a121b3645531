package dev.capflow.ingest.repository;

import dev.capflow.ingest.domain.LatestPrice;
import dev.capflow.ingest.domain.PriceSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Latest prices computed from the stored ticks and bars (the fallback when Redis cannot answer). */
@ApplicationScoped
public class LatestPriceRepository {

    /** Per symbol of the source {@code s}, its newest tick and newest bar, each found through the primary-key index. */
    private static final String LATEST_FROM = """
            SELECT s.symbol, t.price AS tick_price, t.ts AS tick_ts, b.close AS bar_close, b.date AS bar_date
            FROM %s
            LEFT JOIN LATERAL (SELECT price, ts FROM ingest.tick WHERE symbol = s.symbol
                               ORDER BY ts DESC LIMIT 1) t ON true
            LEFT JOIN LATERAL (SELECT close, date FROM ingest.daily_bar WHERE symbol = s.symbol
                               ORDER BY date DESC LIMIT 1) b ON true""";

    private static final String LATEST = LATEST_FROM.formatted("unnest($1::varchar[]) AS s(symbol)");
    private static final String LATEST_OF_ALL = LATEST_FROM.formatted("ingest.instrument AS s");

    private final Pool pool;

    public LatestPriceRepository(Pool pool) {
        this.pool = pool;
    }

    /** The newest of the latest tick and latest daily close of each symbol that has either. */
    public Uni<Map<String, LatestPrice>> latest(Collection<String> symbols) {
        Tuple params = Tuple.tuple().addArrayOfString(symbols.toArray(String[]::new));
        return pool.preparedQuery(LATEST).execute(params).map(LatestPriceRepository::newestPerSymbol);
    }

    /** The latest price of every registered instrument that has one. */
    public Uni<Map<String, LatestPrice>> latestOfAll() {
        return pool.query(LATEST_OF_ALL).execute().map(LatestPriceRepository::newestPerSymbol);
    }

    private static Map<String, LatestPrice> newestPerSymbol(RowSet<Row> rows) {
        Map<String, LatestPrice> result = new HashMap<>();
        for (Row row : rows) {
            String symbol = row.getString("symbol");
            LatestPrice tick = row.getValue("tick_ts") == null
                    ? null
                    : new LatestPrice(
                            symbol,
                            row.getDouble("tick_price"),
                            row.getOffsetDateTime("tick_ts").toInstant(),
                            PriceSource.TICK);
            LatestPrice close = row.getValue("bar_date") == null
                    ? null
                    : LatestPrice.ofDailyClose(symbol, row.getLocalDate("bar_date"), row.getDouble("bar_close"));
            LatestPrice newest = LatestPrice.newest(tick, close);
            if (newest != null) {
                result.put(symbol, newest);
            }
        }
        return result;
    }
}
