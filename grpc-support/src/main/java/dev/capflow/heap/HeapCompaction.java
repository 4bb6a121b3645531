package dev.capflow.heap;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/**
 * One full collection that gives the heap's free room back to the operating system: the collector sizes each
 * generation after a full collection between the {@code MinHeapFreeRatio} and {@code MaxHeapFreeRatio} percent of free
 * room (never below its initial size), so this lowers both flags (they are manageable: settable at run time), runs the
 * collection and puts them back as they were, for the collections that load brings. With {@code ShrinkHeapInSteps} (on
 * by default) Serial shrinks by 0, 10, 40, then 100 percent of the excess in four full collections in a row, so it runs
 * four; without it, one. The young generation follows: Serial sizes it after a full collection from the old
 * generation's capacity ({@code NewRatio}, at least {@code NewSize}), and unmaps what it gives back.
 */
public final class HeapCompaction {

    private static final String MIN_FREE = "MinHeapFreeRatio";
    private static final String MAX_FREE = "MaxHeapFreeRatio";
    private static final int STEPPED_COLLECTIONS = 4;

    private final HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    private final int minFreePercent;
    private final int maxFreePercent;

    /** Collections that leave between {@code minFreePercent} and {@code maxFreePercent} of a generation free. */
    public HeapCompaction(int minFreePercent, int maxFreePercent) {
        if (minFreePercent < 0 || minFreePercent > maxFreePercent || maxFreePercent > 100) {
            throw new IllegalArgumentException(
                    "free ratios must satisfy 0 <= min <= max <= 100: " + minFreePercent + ", " + maxFreePercent);
        }
        this.minFreePercent = minFreePercent;
        this.maxFreePercent = maxFreePercent;
    }

    /** True when this JVM lets both ratios change at run time (HotSpot does). */
    public boolean available() {
        return vm != null
                && vm.getVMOption(MIN_FREE).isWriteable()
                && vm.getVMOption(MAX_FREE).isWriteable();
    }

    /** Collects in full with the lowered ratios, then restores them; the committed heap before and after. */
    public Result compact() {
        int min = percent(MIN_FREE);
        int max = percent(MAX_FREE);
        long before = committedHeap();
        setRatios(minFreePercent, maxFreePercent, max);
        try {
            int collections =
                    Boolean.parseBoolean(vm.getVMOption("ShrinkHeapInSteps").getValue()) ? STEPPED_COLLECTIONS : 1;
            for (int i = 0; i < collections; i++) {
                System.gc();
            }
        } finally {
            setRatios(min, max, maxFreePercent);
        }
        return new Result(before, committedHeap());
    }

    /** The committed heap (both generations) in bytes before and after a compaction. */
    public record Result(long committedBefore, long committedAfter) {}

    /** Sets both ratios in the order that keeps min at most max at every step (the JVM refuses min above max). */
    private void setRatios(int min, int max, int currentMax) {
        if (min > currentMax) {
            vm.setVMOption(MAX_FREE, Integer.toString(max));
            vm.setVMOption(MIN_FREE, Integer.toString(min));
        } else {
            vm.setVMOption(MIN_FREE, Integer.toString(min));
            vm.setVMOption(MAX_FREE, Integer.toString(max));
        }
    }

    private int percent(String flag) {
        VMOption option = vm.getVMOption(flag);
        return Integer.parseInt(option.getValue());
    }

    private static long committedHeap() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getCommitted();
    }
}
