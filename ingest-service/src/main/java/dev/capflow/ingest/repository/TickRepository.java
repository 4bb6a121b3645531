package dev.capflow.ingest.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.capflow.ingest.domain.Tick;
import dev.capflow.ingest.domain.TickPage;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Intraday ticks through the reactive PostgreSQL client: one statement per batch, whatever its size. */
@ApplicationScoped
public class TickRepository {

    /** One multi-row insert from parallel arrays; RETURNING names the ticks that were new. */
    private static final String INSERT = """
            INSERT INTO ingest.tick (symbol, ts, price, size, source, trade_id)
            SELECT * FROM unnest($1::varchar[], $2::timestamptz[], $3::float8[], $4::int8[], $5::varchar[],
                                 $6::varchar[])
            ON CONFLICT (symbol, ts, source, trade_id) DO NOTHING
            RETURNING symbol, ts, source, trade_id""";

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

    public TickRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * The ticks of {@code symbol} in [{@code from}, {@code to}] after position {@code after} (null: from the start),
     * oldest first, at most {@code pageSize} of them.
     */
    public Uni<TickPage> page(String symbol, Instant from, Instant to, Tick.Position after, int pageSize) {
        Tuple params = Tuple.of(symbol, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(after == null ? null : after.ts().atOffset(ZoneOffset.UTC))
                .addString(after == null ? "" : after.source()).addString(after == null ? "" : after.tradeId())
                .addInteger(pageSize + 1); // one more tells whether another page follows
        return pool.preparedQuery(PAGE).execute(params).map(rows -> {
            List<Tick> ticks = new ArrayList<>(Math.min(rows.size(), pageSize));
            for (Row row : rows) {
                ticks.add(new Tick(row.getString("symbol"), row.getOffsetDateTime("ts").toInstant(),
                        row.getDouble("price"), row.getLong("size"), row.getString("source"), row.getString("trade_id")));
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
        int n = ticks.size();
        String[] symbols = new String[n];
        OffsetDateTime[] timestamps = new OffsetDateTime[n];
        Double[] prices = new Double[n];
        Long[] sizes = new Long[n];
        String[] sources = new String[n];
        String[] tradeIds = new String[n];
        for (int i = 0; i < n; i++) {
            Tick tick = ticks.get(i);
            symbols[i] = tick.symbol();
            timestamps[i] = tick.ts().atOffset(ZoneOffset.UTC);
            prices[i] = tick.price();
            sizes[i] = tick.size();
            sources[i] = tick.source();
            tradeIds[i] = tick.tradeId();
        }
        Tuple params = Tuple.tuple().addArrayOfString(symbols).addArrayOfOffsetDateTime(timestamps)
                .addArrayOfDouble(prices).addArrayOfLong(sizes).addArrayOfString(sources).addArrayOfString(tradeIds);
        return pool.preparedQuery(INSERT).execute(params).map(rows -> {
            Set<Tick.Key> inserted = new HashSet<>();
            for (Row row : rows) {
                inserted.add(new Tick.Key(row.getString("symbol"), row.getOffsetDateTime("ts").toInstant(),
                        row.getString("source"), row.getString("trade_id")));
            }
            // a tick repeated inside one batch is inserted once: hand it out once
            return ticks.stream().filter(tick -> inserted.remove(tick.key())).toList();
        });
    }
}
