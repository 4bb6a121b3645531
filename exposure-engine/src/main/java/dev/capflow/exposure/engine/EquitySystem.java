package dev.capflow.exposure.engine;

/**
 * Solves {@code (I - S) x = b} for the equity matrix S of a validated graph. Every column of S sums to less than 1, so
 * {@code I - S} is a non-singular M-matrix: dense LU up to {@value #DENSE_LIMIT} entities, Gauss-Seidel beyond.
 */
interface EquitySystem {

    int DENSE_LIMIT = 3_000;

    /** x with {@code (I - S) x = rhs}; {@code rhs} is not modified. */
    double[] solve(double[] rhs);

    static EquitySystem of(SparseRows s) {
        return s.size() <= DENSE_LIMIT ? new DenseLu(s) : new GaussSeidel(s);
    }
}
