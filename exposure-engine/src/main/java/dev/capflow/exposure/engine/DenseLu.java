package dev.capflow.exposure.engine;

/** {@code I - S} factored once by LU with partial pivoting; each solve is then two triangular sweeps. */
final class DenseLu implements EquitySystem {

    private final double[][] lu;
    private final int[] pivot;

    DenseLu(SparseRows s) {
        int n = s.size();
        lu = new double[n][];
        double[][] dense = s.toDense();
        for (int i = 0; i < n; i++) {
            lu[i] = dense[i];
            for (int j = 0; j < n; j++) {
                lu[i][j] = -lu[i][j];
            }
            lu[i][i] += 1;
        }
        pivot = new int[n];
        factor();
    }

    private void factor() {
        int n = lu.length;
        for (int i = 0; i < n; i++) {
            pivot[i] = i;
        }
        for (int k = 0; k < n; k++) {
            int best = k;
            for (int i = k + 1; i < n; i++) {
                if (Math.abs(lu[i][k]) > Math.abs(lu[best][k])) {
                    best = i;
                }
            }
            if (best != k) {
                double[] row = lu[best];
                lu[best] = lu[k];
                lu[k] = row;
                int p = pivot[best];
                pivot[best] = pivot[k];
                pivot[k] = p;
            }
            double[] pivotRow = lu[k];
            double diagonal = pivotRow[k];
            for (int i = k + 1; i < n; i++) {
                double[] row = lu[i];
                // S is sparse: most multipliers are zero, and skipping them keeps the factorisation cheap
                if (row[k] != 0) {
                    double factor = row[k] / diagonal;
                    row[k] = factor;
                    for (int j = k + 1; j < n; j++) {
                        row[j] -= factor * pivotRow[j];
                    }
                }
            }
        }
    }

    @Override
    public double[] solve(double[] rhs) {
        int n = lu.length;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = rhs[pivot[i]];
            double[] row = lu[i];
            for (int j = 0; j < i; j++) {
                sum -= row[j] * x[j];
            }
            x[i] = sum;
        }
        for (int i = n - 1; i >= 0; i--) {
            double sum = x[i];
            double[] row = lu[i];
            for (int j = i + 1; j < n; j++) {
                sum -= row[j] * x[j];
            }
            x[i] = sum / row[i];
        }
        return x;
    }
}
