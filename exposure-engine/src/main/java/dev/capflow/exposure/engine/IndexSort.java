package dev.capflow.exposure.engine;

/** Sorts int indexes by a comparator on the indexes, without boxing them: a merge sort (stable). */
final class IndexSort {

    /** Orders two indexes, like {@link java.util.Comparator#compare}. */
    @FunctionalInterface
    interface IndexOrder {
        int compare(int a, int b);
    }

    private static final int INSERTION_SORT_BELOW = 16;

    private IndexSort() {}

    /** The indexes {@code 0 .. count-1} in {@code order}. */
    static int[] sorted(int count, IndexOrder order) {
        int[] indexes = new int[count];
        for (int i = 0; i < count; i++) {
            indexes[i] = i;
        }
        int[] buffer = indexes.clone();
        mergeSort(buffer, indexes, 0, count, order);
        return indexes;
    }

    /** Sorts {@code target[from, to)}, using {@code source}, which holds the same values there, as scratch space. */
    private static void mergeSort(int[] source, int[] target, int from, int to, IndexOrder order) {
        if (to - from < INSERTION_SORT_BELOW) {
            insertionSort(target, from, to, order);
            return;
        }
        int middle = (from + to) >>> 1;
        // the halves are sorted into source, then merged into target
        mergeSort(target, source, from, middle, order);
        mergeSort(target, source, middle, to, order);
        if (order.compare(source[middle - 1], source[middle]) <= 0) {
            System.arraycopy(source, from, target, from, to - from);
            return;
        }
        int left = from;
        int right = middle;
        for (int k = from; k < to; k++) {
            if (right >= to || (left < middle && order.compare(source[left], source[right]) <= 0)) {
                target[k] = source[left++];
            } else {
                target[k] = source[right++];
            }
        }
    }

    private static void insertionSort(int[] values, int from, int to, IndexOrder order) {
        for (int i = from + 1; i < to; i++) {
            int value = values[i];
            int j = i - 1;
            while (j >= from && order.compare(values[j], value) > 0) {
                values[j + 1] = values[j];
                j--;
            }
            values[j + 1] = value;
        }
    }
}
