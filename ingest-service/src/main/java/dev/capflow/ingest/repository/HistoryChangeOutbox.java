package dev.capflow.ingest.repository;

import dev.capflow.ingest.domain.HistoryChange;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The change entries not yet appended to the price stream (V12): each is recorded in the transaction of its history
 * change, taken by a relay for a lease, and deleted once Redis took it.
 */
@ApplicationScoped
public class HistoryChangeOutbox {

    /** Up to two changes of one bar write: ($1, $2) and ($3, $4), each recorded only when it names a symbol. */
    static final String RECORD_TWO = """
            INSERT INTO ingest.history_change_outbox (kind, symbols)
            SELECT kind, symbols FROM (VALUES ($1::text, $2::text[]), ($3::text, $4::text[])) AS c(kind, symbols)
            WHERE cardinality(symbols) > 0""";

    private static final String RECORD_ONE_IN_SESSION =
            "INSERT INTO ingest.history_change_outbox (kind, symbols) VALUES (:kind, ARRAY[CAST(:symbol AS text)])";

    /** Leases the oldest rows no attempt holds (SKIP LOCKED: replicas claiming at once take different rows). */
    private static final String CLAIM = """
            UPDATE ingest.history_change_outbox o SET claimed_until = now() + make_interval(secs => $2)
            FROM (SELECT id FROM ingest.history_change_outbox WHERE claimed_until <= now()
                  ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED) due
            WHERE o.id = due.id
            RETURNING o.id, o.kind, o.symbols""";

    private static final String DELETE = "DELETE FROM ingest.history_change_outbox WHERE id = ANY($1)";

    /** A recorded change and its row. */
    public record Pending(long id, HistoryChange change) {}

    private final Pool pool;

    public HistoryChangeOutbox(Pool pool) {
        this.pool = pool;
    }

    /**
     * Records a change of {@code symbol} in the Hibernate Reactive session's transaction (the caller's
     * {@code @WithTransaction}), so that it commits with the change it announces.
     */
    public Uni<Void> recordInSession(String kind, String symbol) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(RECORD_ONE_IN_SESSION)
                        .setParameter("kind", kind)
                        .setParameter("symbol", symbol)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The parameters of {@link #RECORD_TWO} for {@code first} and {@code second} (an empty one is not recorded). */
    static Tuple recordTwo(HistoryChange first, HistoryChange second) {
        return Tuple.tuple()
                .addString(first.kind())
                .addArrayOfString(first.symbols().toArray(String[]::new))
                .addString(second.kind())
                .addArrayOfString(second.symbols().toArray(String[]::new));
    }

    /** Leases up to {@code limit} unleased rows for {@code lease}, oldest first. */
    public Uni<List<Pending>> claim(int limit, Duration lease) {
        return pool.preparedQuery(CLAIM)
                .execute(Tuple.of(limit, lease.toMillis() / 1000.0))
                .map(rows -> {
                    List<Pending> pending = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        pending.add(new Pending(
                                row.getLong("id"),
                                new HistoryChange(
                                        row.getString("kind"), Arrays.asList(row.getArrayOfStrings("symbols")))));
                    }
                    pending.sort(Comparator.comparingLong(Pending::id)); // RETURNING keeps no order
                    return pending;
                });
    }

    /** Forgets rows whose entries Redis took. */
    public Uni<Void> delete(List<Pending> appended) {
        Long[] ids = appended.stream().map(Pending::id).toArray(Long[]::new);
        return pool.preparedQuery(DELETE)
                .execute(Tuple.tuple().addArrayOfLong(ids))
                .replaceWithVoid();
    }
}
