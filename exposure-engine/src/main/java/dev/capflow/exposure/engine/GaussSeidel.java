package dev.capflow.exposure.engine;

/**
 * Iterative solve of {@code x = b + S x} by Gauss-Seidel sweeps over the sparse rows of S. It converges because
 * {@code I - S} is a non-singular M-matrix (every column of S sums to less than 1, so its spectral radius is below 1).
 */
final class GaussSeidel implements EquitySystem {

    static final double TOLERANCE = 1e-14;
    static final int MAX_SWEEPS = 100_000;

    private final SparseRows s;

    GaussSeidel(SparseRows s) {
        this.s = s;
    }

    @Override
    public double[] solve(double[] rhs) {
        int n = s.size();
        int[] start = s.start();
        int[] column = s.column();
        double[] value = s.value();
        double[] x = rhs.clone();
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double change = 0;
            double size = 0;
            for (int i = 0; i < n; i++) {
                double sum = rhs[i];
                for (int k = start[i]; k < start[i + 1]; k++) {
                    sum += value[k] * x[column[k]];
                }
                change = Math.max(change, Math.abs(sum - x[i]));
                size = Math.max(size, Math.abs(sum));
                x[i] = sum;
            }
            if (change <= TOLERANCE * size) {
                return x;
            }
        }
        throw new ArithmeticException("Gauss-Seidel did not converge in " + MAX_SWEEPS + " sweeps");
    }
}
