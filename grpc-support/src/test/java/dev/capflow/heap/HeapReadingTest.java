package dev.capflow.heap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapReadingTest {

    private static final long MB = 1 << 20;

    @Test
    void withoutACollectionTheGrowthOfEden() {
        assertThat(eden(5 * MB, 8 * MB, 3).allocatedSince(eden(2 * MB, 8 * MB, 3)))
                .isEqualTo(3 * MB);
    }

    @Test
    void collectionsCountTheRestOfEdenAndEachFullEdenAfterIt() {
        // 6 MB to fill the first eden, two more of 8 MB, and 1 MB since the last collection
        assertThat(eden(MB, 8 * MB, 6).allocatedSince(eden(2 * MB, 8 * MB, 3))).isEqualTo(6 * MB + 2 * 8 * MB + MB);
    }

    @Test
    void anEdenEmptiedWithoutACountedCollectionIsNoAllocation() {
        assertThat(eden(0, 4 * MB, 3).allocatedSince(eden(3 * MB, 32 * MB, 3))).isZero();
    }

    @Test
    void aHeapGrownPastItsInitialSizeByAFullCollectionHasRoomToGiveBack() {
        HeapReading lastCompaction = heap(32 * MB, 2);

        assertThat(heap(80 * MB, 9).grownSince(lastCompaction)).isTrue();
    }

    @Test
    void withoutAFullCollectionSinceTheLastCompactionNothingHasGrown() {
        HeapReading lastCompaction = heap(53 * MB, 9);

        assertThat(heap(53 * MB, 9).grownSince(lastCompaction)).isFalse();
    }

    @Test
    void aHeapAtItsInitialSizeHasNothingToGiveBackWhateverCollected() {
        // the gateway's and exposure-service's start collect in full for class metadata, at the initial sizes
        assertThat(heap(31 * MB, 6).grownSince(heap(31 * MB, 2))).isFalse();
    }

    private static HeapReading eden(long used, long committed, long collections) {
        return new HeapReading(used, committed, collections, 0, 32 * MB, 32 * MB);
    }

    private static HeapReading heap(long committed, long fullCollections) {
        return new HeapReading(MB, 4 * MB, 100, fullCollections, committed, 32 * MB);
    }
}
