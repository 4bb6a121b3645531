package dev.capflow.ingest.repository;

import dev.capflow.grpc.DatabaseFailures;
import dev.capflow.ingest.domain.MinuteBarParts;
import dev.capflow.ingest.domain.Tick;
import dev.capflow.ingest.domain.TickPage;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Intraday ticks through the reactive PostgreSQL client: one statement per batch, whatever its size, which also appends
 * the new ticks' partial minute bars to ingest.minute_bar_pending (V7__minute_bar_pending.sql; what readers see is
 * ingest.minute_bar_current, the stored bars merged with those parts). A batch first goes in by a plain insert, which is
 * about twice as fast as {@code ON CONFLICT DO NOTHING} on the partitioned table; only a batch that holds a tick stored
 * already (a resend) or twice is stored again, skipping duplicates (docs/decisions.md). A fresh batch's parts are rolled
 * up in Java ({@link MinuteBarParts}) and sent along, unless two ticks share a bar's first or last microsecond: then the
 * statement rolls the batch up itself, because only the database's collation orders their source and trade id.
 */
@ApplicationScoped
public class TickRepository {

    /**
     * A batch's ticks from parallel arrays, in input order. Unnested in the select list, where each row goes straight
     * on, rather than by {@code FROM unnest(...)}, which first copies the batch into a tuplestore (~8% of the insert's
     * backend CPU in psql, docs/decisions.md).
     */
    private static final String BATCH = """
            SELECT unnest($1::varchar[]) AS symbol, unnest($2::timestamptz[]) AS ts, unnest($3::float8[]) AS price,
                   unnest($4::int8[]) AS size, unnest($5::varchar[]) AS source, unnest($6::varchar[]) AS trade_id""";

    /**
     * Rolls up the ticks of CTE {@code %s}, all newly stored, into one part per symbol and minute: the earliest tick
     * (ts, source, trade_id) gives the open, the latest the close. Appending takes no lock that a concurrent batch of
     * the same minutes waits for; {@link MinuteBarRepository#foldPending} merges the parts into the bars later.
     */
    private static final String ROLL_UP = """
            rolled_up AS (
                INSERT INTO ingest.minute_bar_pending (symbol, minute, open, high, low, close, volume, tick_count,
                                                       open_ts, open_source, open_trade_id,
                                                       close_ts, close_source, close_trade_id)
                SELECT symbol, date_bin('1 minute', ts, timestamptz 'epoch'),
                       (array_agg(price ORDER BY ts, source, trade_id))[1], max(price), min(price),
                       (array_agg(price ORDER BY ts DESC, source DESC, trade_id DESC))[1], sum(size), count(*),
                       min(ts), (array_agg(source ORDER BY ts, source, trade_id))[1],
                       (array_agg(trade_id ORDER BY ts, source, trade_id))[1],
                       max(ts), (array_agg(source ORDER BY ts DESC, source DESC, trade_id DESC))[1],
                       (array_agg(trade_id ORDER BY ts DESC, source DESC, trade_id DESC))[1]
                FROM %s GROUP BY 1, 2
            )""";

    /**
     * Stores every tick of a batch that holds only new ones, and rolls them up in SQL. A tick stored already, or twice in
     * the batch, fails the whole statement with unique_violation (23505), which stores nothing. A data-modifying CTE
     * runs to completion whether or not the main query reads it.
     */
    private static final String INSERT_ALL_NEW = "WITH batch AS (" + BATCH + """
            ), stored AS (
                INSERT INTO ingest.tick (symbol, ts, price, size, source, trade_id) SELECT * FROM batch
            ), """ + ROLL_UP.formatted("batch") + """
            SELECT count(*) FROM batch""";

    /**
     * Stores every tick of a batch that holds only new ones, as {@link #INSERT_ALL_NEW}, and appends the batch's parts
     * rolled up in Java ({@link MinuteBarParts}) from parallel arrays $7..$20, in the columns' order.
     */
    private static final String INSERT_ALL_NEW_WITH_PARTS = """
            WITH stored AS (
                INSERT INTO ingest.tick (symbol, ts, price, size, source, trade_id)
            """ + BATCH + """

            )
            INSERT INTO ingest.minute_bar_pending (symbol, minute, open, high, low, close, volume, tick_count,
                                                   open_ts, open_source, open_trade_id,
                                                   close_ts, close_source, close_trade_id)
            SELECT * FROM unnest($7::varchar[], $8::timestamptz[], $9::float8[], $10::float8[], $11::float8[],
                                 $12::float8[], $13::int8[], $14::int8[], $15::timestamptz[], $16::varchar[],
                                 $17::varchar[], $18::timestamptz[], $19::varchar[], $20::varchar[])""";

    /**
     * Stores the ticks of a batch that are not stored yet; RETURNING names them, and only those are rolled up.
     */
    private static final String INSERT_SKIPPING_DUPLICATES =
            "WITH stored AS (" + """
                INSERT INTO ingest.tick (symbol, ts, price, size, source, trade_id)
            """ + BATCH + """

                ON CONFLICT (symbol, ts, source, trade_id) DO NOTHING
                RETURNING symbol, ts, price, size, source, trade_id
            ), """ + ROLL_UP.formatted("stored") + """
            SELECT symbol, ts, source, trade_id FROM stored""";

    /**
     * A page of one symbol's history in primary-key order (an index range scan); $4..$6 is the position after which
     * the page starts, and a null $4 starts at the beginning of the range.
     */
    private static final String PAGE = """
            SELECT symbol, ts, price, size, source, trade_id FROM ingest.tick
            WHERE symbol = $1 AND ts >= $2 AND ts <= $3
              AND ($4::timestamptz IS NULL OR (ts, source, trade_id) > ($4, $5, $6))
            ORDER BY ts, source, trade_id
            LIMIT $7""";

    private final Pool pool;
    private final ReadPools reads;

    public TickRepository(Pool pool, ReadPools reads) {
        this.pool = pool;
        this.reads = reads;
    }

    /**
     * The ticks of {@code symbol} in [{@code from}, {@code to}] after position {@code after} (null: from the start),
     * oldest first, at most {@code pageSize} of them.
     */
    public Uni<TickPage> page(String symbol, Instant from, Instant to, Tick.Position after, int pageSize) {
        Tuple params = Tuple.of(symbol, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(after == null ? null : after.ts().atOffset(ZoneOffset.UTC))
                .addString(after == null ? "" : after.source())
                .addString(after == null ? "" : after.tradeId())
                .addInteger(pageSize + 1); // one more tells whether another page follows
        return reads.upTo(to).preparedQuery(PAGE).execute(params).map(rows -> {
            List<Tick> ticks = new ArrayList<>(Math.min(rows.size(), pageSize));
            for (Row row : rows) {
                ticks.add(new Tick(
                        row.getString("symbol"),
                        row.getOffsetDateTime("ts").toInstant(),
                        row.getDouble("price"),
                        row.getLong("size"),
                        row.getString("source"),
                        row.getString("trade_id")));
            }
            if (ticks.size() <= pageSize) {
                return new TickPage(ticks, null);
            }
            List<Tick> page = ticks.subList(0, pageSize);
            return new TickPage(List.copyOf(page), page.get(pageSize - 1).position());
        });
    }

    /** Stores the ticks not stored yet (committed on return) and answers those that were new, in input order. */
    public Uni<List<Tick>> insert(List<Tick> ticks) {
        if (ticks.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Object[] columns = columns(ticks);
        return insertAllNew(ticks, columns)
                .replaceWith(ticks)
                // a resend, a tick twice in the batch, or a concurrent batch with the same tick: skip what is stored
                .onFailure(DatabaseFailures::isConcurrentUpdate)
                .recoverWithUni(() -> pool.preparedQuery(INSERT_SKIPPING_DUPLICATES)
                        .execute(Tuple.from(columns))
                        .invoke(reads::wrote)
                        .map(rows -> newlyStored(ticks, rows)));
    }

    /**
     * Stores {@code ticks} (at least one) in one statement, committed on return, if every one is new; otherwise fails
     * with unique_violation (23505) and stores none.
     */
    public Uni<Void> insertAllNew(List<Tick> ticks) {
        return insertAllNew(ticks, columns(ticks));
    }

    /** {@link #insertAllNew(List)} with the batch's {@code columns} already built. */
    private Uni<Void> insertAllNew(List<Tick> ticks, Object[] columns) {
        return MinuteBarParts.of(ticks)
                .map(parts -> pool.preparedQuery(INSERT_ALL_NEW_WITH_PARTS).execute(withParts(columns, parts)))
                .orElseGet(() -> pool.preparedQuery(INSERT_ALL_NEW).execute(Tuple.from(columns)))
                .invoke(reads::wrote)
                .replaceWithVoid();
    }

    /** The parallel arrays of {@link #BATCH}. */
    private static Object[] columns(List<Tick> ticks) {
        int n = ticks.size();
        String[] symbols = new String[n];
        OffsetDateTime[] timestamps = new OffsetDateTime[n];
        Double[] prices = new Double[n];
        Long[] sizes = new Long[n];
        String[] sources = new String[n];
        String[] tradeIds = new String[n];
        UtcTimestamps utc = new UtcTimestamps();
        for (int i = 0; i < n; i++) {
            Tick tick = ticks.get(i);
            symbols[i] = tick.symbol();
            timestamps[i] = utc.of(tick.ts());
            prices[i] = tick.price();
            sizes[i] = tick.size();
            sources[i] = tick.source();
            tradeIds[i] = tick.tradeId();
        }
        return new Object[] {symbols, timestamps, prices, sizes, sources, tradeIds};
    }

    /** The batch's {@code columns} followed by those of {@code parts}, as {@link #INSERT_ALL_NEW_WITH_PARTS} reads them. */
    private static Tuple withParts(Object[] columns, List<MinuteBarParts.Part> parts) {
        int n = parts.size();
        String[] symbols = new String[n];
        OffsetDateTime[] minutes = new OffsetDateTime[n];
        Double[] opens = new Double[n];
        Double[] highs = new Double[n];
        Double[] lows = new Double[n];
        Double[] closes = new Double[n];
        Long[] volumes = new Long[n];
        Long[] tickCounts = new Long[n];
        OffsetDateTime[] openTimestamps = new OffsetDateTime[n];
        String[] openSources = new String[n];
        String[] openTradeIds = new String[n];
        OffsetDateTime[] closeTimestamps = new OffsetDateTime[n];
        String[] closeSources = new String[n];
        String[] closeTradeIds = new String[n];
        UtcTimestamps utc = new UtcTimestamps();
        for (int i = 0; i < n; i++) {
            MinuteBarParts.Part part = parts.get(i);
            symbols[i] = part.symbol();
            minutes[i] = utc.of(part.minute());
            opens[i] = part.open().price();
            highs[i] = part.high();
            lows[i] = part.low();
            closes[i] = part.close().price();
            volumes[i] = part.volume();
            tickCounts[i] = part.tickCount();
            openTimestamps[i] = utc.of(part.open().ts());
            openSources[i] = part.open().source();
            openTradeIds[i] = part.open().tradeId();
            closeTimestamps[i] = utc.of(part.close().ts());
            closeSources[i] = part.close().source();
            closeTradeIds[i] = part.close().tradeId();
        }
        Object[] partColumns = {
            symbols,
            minutes,
            opens,
            highs,
            lows,
            closes,
            volumes,
            tickCounts,
            openTimestamps,
            openSources,
            openTradeIds,
            closeTimestamps,
            closeSources,
            closeTradeIds
        };
        Object[] all = Arrays.copyOf(columns, columns.length + partColumns.length);
        System.arraycopy(partColumns, 0, all, columns.length, partColumns.length);
        return Tuple.from(all);
    }

    /** The ticks of {@code batch} that {@code rows} name, each once, in input order. */
    private static List<Tick> newlyStored(List<Tick> batch, RowSet<Row> rows) {
        Set<Tick.Key> inserted = new HashSet<>();
        for (Row row : rows) {
            inserted.add(new Tick.Key(
                    row.getString("symbol"),
                    row.getOffsetDateTime("ts").toInstant(),
                    row.getString("source"),
                    row.getString("trade_id")));
        }
        // a tick repeated inside one batch is inserted once: hand it out once
        return batch.stream().filter(tick -> inserted.remove(tick.key())).toList();
    }
}
