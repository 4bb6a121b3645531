package dev.capflow.redis;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A reader's handler for tests: keeps every entry handed over, every failure and every loss reported, in order. */
final class RecordingHandler implements PriceStreamReader.Handler {

    final List<StreamEntry> handed = new CopyOnWriteArrayList<>();
    final List<Throwable> failures = new CopyOnWriteArrayList<>();
    final List<String> losses = new CopyOnWriteArrayList<>();

    @Override
    public void read(List<StreamEntry> entries) {
        handed.addAll(entries);
    }

    @Override
    public void readFailed(Throwable failure) {
        failures.add(failure);
    }

    @Override
    public void entriesMayBeLost(String reason) {
        losses.add(reason);
    }
}
