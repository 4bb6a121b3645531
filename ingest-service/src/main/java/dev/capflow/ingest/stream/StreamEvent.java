package dev.capflow.ingest.stream;

import dev.capflow.ingest.domain.Tick;
import java.time.Instant;

/**
 * What one subscription delivers, numbered per subscription: every tick the subscriber asked for gets the next
 * sequence number (from 1), whether it is delivered or dropped.
 */
public sealed interface StreamEvent {

    /** The sequence number of this tick, or of the first dropped tick of a gap. */
    long sequence();

    /** A delivered tick. */
    record LiveTick(long sequence, Tick tick) implements StreamEvent {}

    /**
     * {@code dropped} consecutive ticks, numbered from {@code sequence}, that the subscriber's buffer had to drop;
     * {@code from} and {@code to} bound their timestamps (inclusive), so the subscriber can re-read them.
     */
    record Gap(long sequence, long dropped, Instant from, Instant to) implements StreamEvent {

        /** This gap extended by one more dropped tick (the one numbered right after it). */
        Gap and(LiveTick next) {
            Instant ts = next.tick().ts();
            return new Gap(sequence, dropped + 1, ts.isBefore(from) ? ts : from, ts.isAfter(to) ? ts : to);
        }

        static Gap of(LiveTick first) {
            return new Gap(first.sequence(), 1, first.tick().ts(), first.tick().ts());
        }
    }
}
