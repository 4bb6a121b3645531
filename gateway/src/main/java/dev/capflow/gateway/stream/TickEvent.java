package dev.capflow.gateway.stream;

import dev.capflow.proto.ingest.v1.Tick;
import java.time.Instant;

/** The data of a {@code tick} event: one stored tick. */
record TickEvent(String symbol, double price, Instant ts, long size) {

    static TickEvent of(Tick tick) {
        return new TickEvent(
                tick.getSymbol(),
                tick.getPrice(),
                Instant.ofEpochSecond(tick.getTs().getSeconds(), tick.getTs().getNanos()),
                tick.getSize());
    }
}
