package dev.capflow.heap;

/**
 * The heap at one instant: the young generation's allocation space (eden), used and committed bytes, how many
 * collections of any kind the JVM had run and how many of them were full ones, and the heap's committed and initial
 * ({@code -Xms}) bytes. Two readings tell whether the heap has room to give back and estimate the bytes allocated
 * between them without an agent: the growth of eden when no collection ran in between, otherwise what filled the rest
 * of eden before the first collection, a full eden for each further one, and what is used now.
 */
public record HeapReading(
        long edenUsedBytes,
        long edenCommittedBytes,
        long collections,
        long fullCollections,
        long heapCommittedBytes,
        long heapInitialBytes) {

    /** The bytes allocated from {@code earlier} to this reading (never negative). */
    public long allocatedSince(HeapReading earlier) {
        long collected = collections - earlier.collections;
        if (collected <= 0) {
            return Math.max(0, edenUsedBytes - earlier.edenUsedBytes);
        }
        return Math.max(0, earlier.edenCommittedBytes - earlier.edenUsedBytes)
                + (collected - 1) * edenCommittedBytes
                + edenUsedBytes;
    }

    /**
     * True when the heap has grown past its initial size and a full collection ran after {@code earlier} (Serial
     * resizes its generations only there): before that no collection gives anything back (no generation shrinks below
     * its initial size), and a compaction would only size the young generation from the old one again.
     */
    public boolean grownSince(HeapReading earlier) {
        return heapCommittedBytes > heapInitialBytes && fullCollections > earlier.fullCollections;
    }
}
