package dev.capflow.exposure.engine;

/**
 * Which money loops to list: at most {@code maxLength} arcs (0 = no bound), only loops whose bottleneck is known and at
 * least {@code minUsd} when {@code minUsd > 0}, and at most {@code limit} loops (0 = no limit).
 */
public record LoopQuery(int maxLength, double minUsd, int limit) {

    public LoopQuery {
        if (maxLength < 0) {
            throw new GraphException("maxLength", "query", "must be >= 0 (0 = no bound), got " + maxLength);
        }
        if (!(minUsd >= 0 && minUsd < Double.POSITIVE_INFINITY)) {
            throw new GraphException("minUsd", "query", "must be a finite amount >= 0, got " + minUsd);
        }
        if (limit < 0) {
            throw new GraphException("limit", "query", "must be >= 0 (0 = no limit), got " + limit);
        }
    }

    /** Every loop, of any length and amount. */
    public static LoopQuery all() {
        return new LoopQuery(0, 0, 0);
    }
}
