package dev.capflow.ingest.stream;

import java.util.AbstractQueue;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

/** A bounded queue that never refuses an item: when full, it drops its oldest one to make room. */
public final class DropOldestQueue<T> extends AbstractQueue<T> {

    private final ArrayDeque<T> items;
    private final int capacity;

    public DropOldestQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.items = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    @Override
    public synchronized boolean offer(T item) {
        if (items.size() == capacity) {
            items.pollFirst();
        }
        items.addLast(item);
        return true;
    }

    @Override
    public synchronized T poll() {
        return items.pollFirst();
    }

    @Override
    public synchronized T peek() {
        return items.peekFirst();
    }

    @Override
    public synchronized int size() {
        return items.size();
    }

    @Override
    public synchronized boolean isEmpty() {
        return items.isEmpty();
    }

    /** A snapshot iterator: the queue may change while it is read. */
    @Override
    public synchronized Iterator<T> iterator() {
        return List.copyOf(items).iterator();
    }
}
