package dev.capflow.ingest.stream;

import dev.capflow.ingest.domain.Tick;
import java.time.Instant;

/**
 * What one subscription delivers, numbered per subscription: every tick the subscriber asked for gets the next
 * sequence number (from 1), whether it is delivered or dropped; a notice of ticks lost elsewhere takes none.
 */
public sealed interface StreamEvent {

    /** The sequence number of this tick, of the first dropped tick of a gap, or of the last tick before a loss notice. */
    long sequence();

    /**
     * Ticks of other replicas may be missing (entries of the shared price stream lost before this process read
     * them); {@code sequence} is that of the last tick numbered before the loss was found, and this takes no number.
     */
    record TicksMayBeLost(long sequence, String reason) implements StreamEvent {}

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
