package dev.capflow.ingest.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.capflow.ingest.domain.DailyBar;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Daily bars through the reactive PostgreSQL client: one statement per batch, whatever its size. */
@ApplicationScoped
public class BarRepository {

    /** One multi-row insert from parallel arrays; a bar already stored is skipped, not overwritten. */
    private static final String INSERT = """
            INSERT INTO ingest.daily_bar (symbol, date, open, high, low, close, volume)
            SELECT * FROM unnest($1::varchar[], $2::date[], $3::float8[], $4::float8[], $5::float8[],
                                 $6::float8[], $7::int8[])
            ON CONFLICT (symbol, date) DO NOTHING
            RETURNING 1""";

    private static final String SELECT = """
            SELECT symbol, date, open, high, low, close, volume FROM ingest.daily_bar
            WHERE symbol = ANY($1) AND ($2::date IS NULL OR date >= $2) AND ($3::date IS NULL OR date <= $3)
            ORDER BY symbol, date""";

    private static final String LAST_CLOSE_BEFORE = """
            SELECT date, close FROM ingest.daily_bar WHERE symbol = $1 AND date < $2
            ORDER BY date DESC LIMIT 1""";

    private final Pool pool;

    public BarRepository(Pool pool) {
        this.pool = pool;
    }

    /** Stores the bars not stored yet (committed on return) and answers how many were new. */
    public Uni<Integer> insert(List<DailyBar> bars) {
        if (bars.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = bars.size();
        String[] symbols = new String[n];
        LocalDate[] dates = new LocalDate[n];
        Double[] open = new Double[n];
        Double[] high = new Double[n];
        Double[] low = new Double[n];
        Double[] close = new Double[n];
        Long[] volume = new Long[n];
        for (int i = 0; i < n; i++) {
            DailyBar bar = bars.get(i);
            symbols[i] = bar.symbol();
            dates[i] = bar.date();
            open[i] = bar.open();
            high[i] = bar.high();
            low[i] = bar.low();
            close[i] = bar.close();
            volume[i] = bar.volume();
        }
        Tuple params = Tuple.tuple().addArrayOfString(symbols).addArrayOfLocalDate(dates).addArrayOfDouble(open)
                .addArrayOfDouble(high).addArrayOfDouble(low).addArrayOfDouble(close).addArrayOfLong(volume);
        return pool.preparedQuery(INSERT).execute(params).map(rows -> rows.rowCount());
    }

    /** The raw bars of {@code symbols} within the inclusive bounds (null = unbounded), by symbol and date. */
    public Uni<List<DailyBar>> find(Collection<String> symbols, LocalDate from, LocalDate to) {
        Tuple params = Tuple.tuple().addArrayOfString(symbols.toArray(String[]::new)).addLocalDate(from)
                .addLocalDate(to);
        return pool.preparedQuery(SELECT).execute(params).map(rows -> {
            List<DailyBar> bars = new ArrayList<>(rows.size());
            for (Row row : rows) {
                bars.add(new DailyBar(row.getString("symbol"), row.getLocalDate("date"), row.getDouble("open"),
                        row.getDouble("high"), row.getDouble("low"), row.getDouble("close"), row.getLong("volume")));
            }
            return bars;
        });
    }

    /** The close of the last bar of {@code symbol} dated before {@code date}, if any. */
    public Uni<Optional<Double>> lastCloseBefore(String symbol, LocalDate date) {
        return pool.preparedQuery(LAST_CLOSE_BEFORE).execute(Tuple.of(symbol, date))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getDouble("close")));
    }
}
