package dev.capflow.heap;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;
import java.util.Comparator;
import java.util.List;

/**
 * Reads this JVM's heap as a {@link HeapReading}: eden is the heap pool whose name holds "Eden" (as every HotSpot
 * collector with generations names it), the full collector the one that manages the most pools (Serial's
 * MarkSweepCompact: eden, survivor and tenured; its young collector, Copy, the first two).
 */
final class HeapReadings {

    private final MemoryPoolMXBean eden;
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final GarbageCollectorMXBean full;

    private HeapReadings(MemoryPoolMXBean eden) {
        this.eden = eden;
        this.full = collectors.stream()
                .max(Comparator.comparingInt(collector -> collector.getMemoryPoolNames().length))
                .orElseThrow();
    }

    /** The readings of this JVM's heap, or null when its collector has no eden (e.g. ZGC, Epsilon). */
    static HeapReadings ofThisJvm() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getName().contains("Eden"))
                .findFirst()
                .map(HeapReadings::new)
                .orElse(null);
    }

    HeapReading now() {
        long collections = collectors.stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .filter(count -> count > 0)
                .sum();
        MemoryUsage usage = eden.getUsage();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new HeapReading(
                usage.getUsed(),
                usage.getCommitted(),
                collections,
                Math.max(0, full.getCollectionCount()),
                heap.getCommitted(),
                heap.getInit());
    }
}
