package dev.capflow.basket.live;

import java.time.Instant;

/**
 * A basket's level from its members' latest prices, with the time of the newest price behind it; or, with
 * {@code deleted}, the last word of a watch: the basket is gone (no level then).
 */
public record LiveLevel(String basketId, long basketVersion, double level, Instant ts, boolean deleted) {

    public LiveLevel(String basketId, long basketVersion, double level, Instant ts) {
        this(basketId, basketVersion, level, ts, false);
    }

    /** The end of a watch of a basket that was just deleted. */
    static LiveLevel deleted(String basketId, long lastVersion, Instant deletedAt) {
        return new LiveLevel(basketId, lastVersion, 0, deletedAt, true);
    }
}
