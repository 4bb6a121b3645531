package dev.capflow.exposure.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Serialises writes to the graph: bumping the single {@code graph_revision} row holds its row lock until the
 * transaction ends, so a rule over the whole graph is checked against committed data no other writer is changing.
 */
@ApplicationScoped
public class GraphLock {

    /** Takes the lock for the current transaction (call first in every write). */
    public Uni<Void> acquire() {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "update exposure.graph_revision set revision = revision + 1, updated_at = now()")
                        .executeUpdate())
                .replaceWithVoid();
    }
}
