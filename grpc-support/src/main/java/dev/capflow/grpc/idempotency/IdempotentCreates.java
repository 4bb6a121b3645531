package dev.capflow.grpc.idempotency;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Runs a create at most once per client request id, in the caller's database transaction: the id is claimed in a key
 * table (a concurrent claim of the same id waits on the unique index until the first transaction ends), the create
 * runs, and its answer is stored with the id, so a retry with the same id and request gets the stored answer and
 * stores nothing new. A failed create rolls its claim back, so a retry after a failure runs again. Keys are kept for
 * {@link #RETENTION_DAYS} days (expired ones are removed by later creates); table layout: Flyway migration
 * {@code idempotency_key} of each service.
 */
public abstract class IdempotentCreates {

    public static final int RETENTION_DAYS = 7;

    private final String table;

    /** @param table the schema-qualified key table, for example {@code basket.idempotency_key} */
    protected IdempotentCreates(String table) {
        this.table = table;
    }

    /** The current transaction's session. */
    protected abstract Uni<Mutiny.Session> session();

    /** The create's answer: {@code create}'s on the first call with {@code key}, the stored one on a retry. */
    protected <T extends Message> Uni<T> run(IdempotencyKey key, Supplier<Uni<T>> create, Parser<T> parser) {
        return update("delete from " + table + " where created_at < now() - make_interval(days => " + RETENTION_DAYS
                        + ")")
                .chain(() -> update(
                        "insert into " + table + " (request_id, digest) values (?1, ?2) "
                                + "on conflict (request_id) do nothing",
                        key.requestId(),
                        key.digest()))
                .chain(claimed -> claimed == 1 ? created(key, create) : replayed(key, parser));
    }

    private Uni<Integer> update(String sql, Object... parameters) {
        return session()
                .chain(session ->
                        bound(session.createNativeQuery(sql), parameters).executeUpdate());
    }

    private Uni<List<Object[]>> select(String sql, Object... parameters) {
        return session()
                .chain(session -> bound(session.createNativeQuery(sql, Object[].class), parameters)
                        .getResultList());
    }

    private static <Q extends Mutiny.AbstractQuery> Q bound(Q query, Object... parameters) {
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }

    private <T extends Message> Uni<T> created(IdempotencyKey key, Supplier<Uni<T>> create) {
        return create.get()
                .call(answer -> update(
                        "update " + table + " set response = ?2 where request_id = ?1",
                        key.requestId(),
                        answer.toByteArray()));
    }

    private <T extends Message> Uni<T> replayed(IdempotencyKey key, Parser<T> parser) {
        return select("select digest, response from " + table + " where request_id = ?1", key.requestId())
                .map(rows -> {
                    Object[] row = rows.get(0);
                    if (!key.digest().equals(row[0])) {
                        throw key.reusedFor();
                    }
                    try {
                        return parser.parseFrom((byte[]) row[1]);
                    } catch (InvalidProtocolBufferException corrupt) {
                        throw new IllegalStateException(
                                "stored answer of request_id " + key.requestId() + " is unreadable", corrupt);
                    }
                });
    }
}
