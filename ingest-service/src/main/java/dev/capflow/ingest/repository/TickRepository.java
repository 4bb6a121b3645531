package dev.capflow.ingest.repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.capflow.ingest.domain.Tick;
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

    private final Pool pool;

    public TickRepository(Pool pool) {
        this.pool = pool;
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
