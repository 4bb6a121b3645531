package dev.capflow.gateway.stream;

import com.google.protobuf.Timestamp;
import dev.capflow.proto.ingest.v1.TickGap;
import java.time.Instant;

/**
 * The data of a {@code gap} event: ingest-service dropped ticks of the gateway's stream (the gateway read too slowly),
 * how many and the time range they traded in, so a client can read them back from the tick history.
 */
record GapEvent(long dropped, Instant from, Instant to) {

    static GapEvent of(TickGap gap) {
        return new GapEvent(gap.getDropped(), instant(gap.getFrom()), instant(gap.getTo()));
    }

    private static Instant instant(Timestamp ts) {
        return Instant.ofEpochSecond(ts.getSeconds(), ts.getNanos());
    }
}
