package dev.capflow.grpc.idempotency;

import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * A service's table of {@link IdempotentCreates} on its Panache session: a create and the claim of its key share one
 * transaction. A bean only in a service that sets the build property {@code capflow.grpc.idempotency.enabled=true} and
 * names its table in {@code capflow.grpc.idempotency.table}; the other processes never load it (nor Panache).
 */
@ApplicationScoped
@IfBuildProperty(name = IdempotencyKeys.ENABLED, stringValue = "true")
public class IdempotencyKeys extends IdempotentCreates {

    static final String ENABLED = "capflow.grpc.idempotency.enabled";

    /** @param table the schema-qualified key table, for example {@code basket.idempotency_key} */
    @Inject
    public IdempotencyKeys(@ConfigProperty(name = "capflow.grpc.idempotency.table") String table) {
        super(table);
    }

    /** For the client proxy only (a bean from a library gets no generated no-args constructor). */
    protected IdempotencyKeys() {
        this(null);
    }

    /** {@code create}'s answer, run in one transaction with the claim of {@code key}, or the answer stored for it. */
    @WithTransaction
    public <T extends Message> Uni<T> once(IdempotencyKey key, Supplier<Uni<T>> create, Parser<T> parser) {
        return run(key, create, parser);
    }

    @Override
    protected Uni<Mutiny.Session> session() {
        return Panache.getSession();
    }
}
