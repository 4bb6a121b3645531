package dev.capflow.basket.live;

import java.time.Instant;

/** A basket's level from its members' latest prices, with the time of the newest price behind it. */
public record LiveLevel(String basketId, long basketVersion, double level, Instant ts) {
}
