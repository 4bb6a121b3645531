package dev.capflow.exposure.engine;

import java.util.Arrays;
import java.util.List;

/** A sparse square matrix by rows: row i holds {@code value[k]} at column {@code column[k]} for k in {@code [start[i], start[i+1])}. */
record SparseRows(int size, int[] start, int[] column, double[] value) {

    /** {@code S[i][j]} = the sum of EQUITY shares i holds in j; parallel edges are added up, one entry per (i, j). */
    static SparseRows equity(int size, List<Edge> edges) {
        long[] keys = new long[edges.size()];
        double[] shares = new double[edges.size()];
        int count = 0;
        for (Edge edge : edges) {
            if (edge.kind() == EdgeKind.EQUITY) {
                keys[count] = (long) edge.from() * size + edge.to();
                shares[count++] = edge.share().getAsDouble();
            }
        }
        Integer[] order = new Integer[count];
        for (int k = 0; k < count; k++) {
            order[k] = k;
        }
        long[] sortKeys = keys;
        Arrays.sort(order, (a, b) -> Long.compare(sortKeys[a], sortKeys[b]));
        int[] start = new int[size + 1];
        int[] column = new int[count];
        double[] value = new double[count];
        int entries = 0;
        long previous = -1;
        for (int k = 0; k < count; k++) {
            long key = keys[order[k]];
            if (key != previous) {
                column[entries] = (int) (key % size);
                start[(int) (key / size) + 1]++;
                entries++;
                previous = key;
            }
            value[entries - 1] += shares[order[k]];
        }
        for (int i = 0; i < size; i++) {
            start[i + 1] += start[i];
        }
        return new SparseRows(size, start, Arrays.copyOf(column, entries), Arrays.copyOf(value, entries));
    }

    /** The entry at row i, column j (0 when absent). */
    double get(int i, int j) {
        for (int k = start[i]; k < start[i + 1]; k++) {
            if (column[k] == j) {
                return value[k];
            }
        }
        return 0;
    }

    /** A dense copy, {@code dense[i][j]}. */
    double[][] toDense() {
        double[][] dense = new double[size][size];
        for (int i = 0; i < size; i++) {
            for (int k = start[i]; k < start[i + 1]; k++) {
                dense[i][column[k]] = value[k];
            }
        }
        return dense;
    }
}
