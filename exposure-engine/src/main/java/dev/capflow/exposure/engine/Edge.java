package dev.capflow.exposure.engine;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One directed fact {@code from -> to} between entity indexes of a {@link FundingGraph}. EQUITY edges carry
 * {@code share} in [0, 1] ({@code from} owns that fraction of {@code to}); the other kinds carry {@code amountUsd}, which
 * may be unknown (empty). An amount on an EQUITY edge is kept but ignored by the maths. Ranges are checked by
 * {@link FundingGraph#of}, which names the edge.
 */
public record Edge(String id, int from, int to, EdgeKind kind, OptionalDouble amountUsd, OptionalDouble share) {

    public Edge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amountUsd, "amountUsd");
        Objects.requireNonNull(share, "share");
    }

    /** An EQUITY edge: {@code owner} holds {@code share} of {@code held}. */
    public static Edge equity(String id, int owner, int held, double share) {
        return new Edge(id, owner, held, EdgeKind.EQUITY, OptionalDouble.empty(), OptionalDouble.of(share));
    }

    /** An INVESTMENT, PURCHASE or GUARANTEE edge with a known amount. */
    public static Edge amount(String id, int from, int to, EdgeKind kind, double amountUsd) {
        return new Edge(id, from, to, kind, OptionalDouble.of(amountUsd), OptionalDouble.empty());
    }

    /** An INVESTMENT, PURCHASE or GUARANTEE edge whose amount was not disclosed. */
    public static Edge undisclosed(String id, int from, int to, EdgeKind kind) {
        return new Edge(id, from, to, kind, OptionalDouble.empty(), OptionalDouble.empty());
    }
}
