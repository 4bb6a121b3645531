package dev.capflow.ingest.grpc;

import dev.capflow.ingest.domain.TickInput;
import java.util.List;

/** An IngestTicks request as read off the wire: the client's batch number and its ticks in request order. */
record TickBatch(long sequence, List<TickInput> ticks) {}
