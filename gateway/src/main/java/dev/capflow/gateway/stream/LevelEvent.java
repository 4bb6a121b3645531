package dev.capflow.gateway.stream;

import dev.capflow.proto.basket.v1.WatchBasketResponse;
import java.time.Instant;

/** The data of a {@code level} event: a basket's live level and the basket version it was computed for. */
record LevelEvent(String basketId, double level, Instant ts, long basketVersion) {

    static LevelEvent of(WatchBasketResponse level) {
        return new LevelEvent(
                level.getBasketId(),
                level.getLevel(),
                Instant.ofEpochSecond(level.getTs().getSeconds(), level.getTs().getNanos()),
                level.getBasketVersion());
    }
}
