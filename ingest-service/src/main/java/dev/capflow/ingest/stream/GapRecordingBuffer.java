package dev.capflow.ingest.stream;

import java.util.AbstractQueue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A subscriber's bounded buffer of ticks that never refuses one: when full it drops its oldest tick and records
 * the drop, and the next read answers a {@link StreamEvent.Gap} announcing every tick dropped since the last read,
 * before the ticks that follow them. Besides ticks, a {@link StreamEvent.TicksMayBeLost} notice may be offered: it is
 * never dropped, and the next read answers it first (one notice stands for those offered before it was read).
 */
final class GapRecordingBuffer extends AbstractQueue<StreamEvent> {

    private final ArrayDeque<StreamEvent.LiveTick> ticks;
    private final int capacity;
    /** The ticks dropped since the last read, or null; they precede every tick still buffered. */
    private StreamEvent.Gap gap;
    /** A notice of ticks lost elsewhere not read yet, or null. */
    private StreamEvent.TicksMayBeLost lost;

    GapRecordingBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.ticks = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    @Override
    public synchronized boolean offer(StreamEvent event) {
        if (event instanceof StreamEvent.TicksMayBeLost notice) {
            lost = lost == null ? notice : lost;
            return true;
        }
        if (!(event instanceof StreamEvent.LiveTick tick)) {
            throw new IllegalArgumentException("only ticks and loss notices are buffered, got " + event);
        }
        if (ticks.size() == capacity) {
            StreamEvent.LiveTick oldest = ticks.pollFirst();
            gap = gap == null ? StreamEvent.Gap.of(oldest) : gap.and(oldest);
        }
        ticks.addLast(tick);
        return true;
    }

    @Override
    public synchronized StreamEvent poll() {
        if (lost != null) {
            StreamEvent.TicksMayBeLost notice = lost;
            lost = null;
            return notice;
        }
        if (gap != null) {
            StreamEvent.Gap announced = gap;
            gap = null;
            return announced;
        }
        return ticks.pollFirst();
    }

    @Override
    public synchronized StreamEvent peek() {
        return lost != null ? lost : gap != null ? gap : ticks.peekFirst();
    }

    @Override
    public synchronized int size() {
        return ticks.size() + (gap == null ? 0 : 1) + (lost == null ? 0 : 1);
    }

    @Override
    public synchronized boolean isEmpty() {
        return lost == null && gap == null && ticks.isEmpty();
    }

    /** A snapshot iterator: the buffer may change while it is read. */
    @Override
    public synchronized Iterator<StreamEvent> iterator() {
        List<StreamEvent> snapshot = new ArrayList<>(size());
        if (lost != null) {
            snapshot.add(lost);
        }
        if (gap != null) {
            snapshot.add(gap);
        }
        snapshot.addAll(ticks);
        return snapshot.iterator();
    }
}
