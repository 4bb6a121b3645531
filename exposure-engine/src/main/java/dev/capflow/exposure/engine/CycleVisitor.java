package dev.capflow.exposure.engine;

/** Receives each elementary cycle found by {@link CycleSearch}. */
@FunctionalInterface
interface CycleVisitor {

    /**
     * One cycle of {@code length} arcs: vertices {@code vertices[0..length)} (vertices[0] is the smallest) and
     * {@code arcs[k]} the arc from vertices[k] to vertices[(k+1) % length]. The arrays are reused: copy what you keep.
     *
     * @return false to stop the search
     */
    boolean visit(int[] vertices, int[] arcs, int length);
}
