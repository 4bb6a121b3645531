package dev.capflow.gateway.stream;

import dev.capflow.proto.ingest.v1.TicksMayBeLost;

/** The data of a {@code reset} event: events may have been lost, so a client reads the current state again. */
record ResetEvent(String reason) {

    /** ingest-service found that ticks may have been lost before they reached the gateway's stream. */
    static ResetEvent ticksMayBeLost(TicksMayBeLost lost) {
        return new ResetEvent("ticks may have been lost upstream (" + lost.getReason()
                + "); read the ticks since the last one received again (GET /api/v1/prices/{symbol}/ticks)");
    }
}
