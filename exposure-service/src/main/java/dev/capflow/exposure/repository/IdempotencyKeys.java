package dev.capflow.exposure.repository;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import com.google.protobuf.Message;
import com.google.protobuf.Parser;

import dev.capflow.grpc.idempotency.IdempotencyKey;
import dev.capflow.grpc.idempotency.IdempotentCreates;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** exposure-service's table of {@link IdempotentCreates}: a create and the claim of its key share one transaction. */
@ApplicationScoped
public class IdempotencyKeys extends IdempotentCreates {

    public IdempotencyKeys() {
        super("exposure.idempotency_key");
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
