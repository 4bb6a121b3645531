package dev.capflow.exposure.engine;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One elementary money loop: {@code entities} in cash-flow order, starting at the smallest index and closing back to it;
 * {@code edges} every INVESTMENT/PURCHASE edge along it, arc by arc (parallel edges of an arc together, in input order);
 * {@code bottleneckUsd} the smallest arc amount (empty if some arc has no known amount); {@code totalUsd} the sum of the
 * known arc amounts. An arc's amount is the sum of its edges' known amounts.
 *
 * <p>A value: equal loops have equal entities, edges and amounts. Its entities and edges live in the primitive arrays
 * of the {@link LoopStore} of its search, so a search building a million loops allocates one small object per loop;
 * {@link #entities()} and {@link #edges()} are read-only views over those arrays.
 */
public final class Loop {

    private final LoopStore store;
    private final int slot;

    Loop(LoopStore store, int slot) {
        this.store = store;
        this.slot = slot;
    }

    /** The entity indexes in cash-flow order, the smallest first. */
    public List<Integer> entities() {
        return store.entities(slot);
    }

    /** The edges along the loop, arc by arc. */
    public List<Edge> edges() {
        return store.edges(slot);
    }

    public OptionalDouble bottleneckUsd() {
        double bottleneck = store.bottleneck(slot);
        return Double.isNaN(bottleneck) ? OptionalDouble.empty() : OptionalDouble.of(bottleneck);
    }

    public double totalUsd() {
        return store.total(slot);
    }

    /** The number of arcs (equal to the number of entities). */
    public int length() {
        return store.length(slot);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Loop loop
                && Double.compare(totalUsd(), loop.totalUsd()) == 0
                && bottleneckUsd().equals(loop.bottleneckUsd())
                && entities().equals(loop.entities())
                && edges().equals(loop.edges());
    }

    @Override
    public int hashCode() {
        return Objects.hash(entities(), edges(), bottleneckUsd(), totalUsd());
    }

    @Override
    public String toString() {
        return "Loop[entities=" + entities() + ", edges=" + edges() + ", bottleneckUsd=" + bottleneckUsd()
                + ", totalUsd=" + totalUsd() + "]";
    }
}
