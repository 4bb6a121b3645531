package dev.capflow.exposure.engine;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The loops of one search in flat primitive arrays, one slot per loop: entities
 * {@code entity[entityStart[s] .. entityStart[s+1])}, edges {@code edgeIndex[edgeStart[s] .. edgeStart[s+1])} (indexes
 * into the graph's edge list), bottleneck (NaN when unknown) and total. {@link Loop}s read their slot through it.
 */
final class LoopStore {

    private final List<Edge> graphEdges;
    private final int[] entityStart;
    private final int[] entity;
    private final int[] edgeStart;
    private final int[] edgeIndex;
    private final double[] bottleneck;
    private final double[] total;

    LoopStore(
            List<Edge> graphEdges,
            int[] entityStart,
            int[] entity,
            int[] edgeStart,
            int[] edgeIndex,
            double[] bottleneck,
            double[] total) {
        this.graphEdges = graphEdges;
        this.entityStart = entityStart;
        this.entity = entity;
        this.edgeStart = edgeStart;
        this.edgeIndex = edgeIndex;
        this.bottleneck = bottleneck;
        this.total = total;
    }

    int length(int slot) {
        return entityStart[slot + 1] - entityStart[slot];
    }

    double bottleneck(int slot) {
        return bottleneck[slot];
    }

    double total(int slot) {
        return total[slot];
    }

    List<Integer> entities(int slot) {
        return new EntityView(entityStart[slot], entityStart[slot + 1]);
    }

    List<Edge> edges(int slot) {
        return new EdgeView(edgeStart[slot], edgeStart[slot + 1]);
    }

    private final class EntityView extends AbstractList<Integer> implements RandomAccess {
        private final int from;
        private final int to;

        EntityView(int from, int to) {
            this.from = from;
            this.to = to;
        }

        @Override
        public Integer get(int index) {
            return entity[from + Objects.checkIndex(index, to - from)];
        }

        @Override
        public int size() {
            return to - from;
        }
    }

    private final class EdgeView extends AbstractList<Edge> implements RandomAccess {
        private final int from;
        private final int to;

        EdgeView(int from, int to) {
            this.from = from;
            this.to = to;
        }

        @Override
        public Edge get(int index) {
            return graphEdges.get(edgeIndex[from + Objects.checkIndex(index, to - from)]);
        }

        @Override
        public int size() {
            return to - from;
        }
    }
}
