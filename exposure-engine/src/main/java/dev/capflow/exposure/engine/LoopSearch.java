package dev.capflow.exposure.engine;

import java.util.List;

/**
 * The loops found, in order of bottleneck (largest first, unknown last) then entity list; {@code truncated} when the
 * query's limit stopped the search before every loop was found; {@code circularShare[i]} the fraction of entity i's
 * known cash inflow that arrives on arcs lying on some loop the query keeps (its maxLength and minUsd; not its limit),
 * 0 without inflow.
 */
public record LoopSearch(List<Loop> loops, boolean truncated, double[] circularShare) {

    public LoopSearch {
        loops = List.copyOf(loops);
    }
}
