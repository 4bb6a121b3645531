package dev.capflow.ingest.grpc;

import dev.capflow.proto.common.v1.IngestReport;
import dev.capflow.proto.ingest.v1.ImportBarsRequest;
import dev.capflow.proto.ingest.v1.ImportBarsResponse;
import java.util.concurrent.atomic.AtomicLong;

/** The running progress of one ImportBars stream, whose chunks commit concurrently and in any order. */
final class BulkProgress {

    private final AtomicLong chunks = new AtomicLong();
    private final AtomicLong bars = new AtomicLong();

    /** The acknowledgement of a committed chunk, with the stream's totals including it. */
    ImportBarsResponse acknowledge(ImportBarsRequest chunk, IngestReport report) {
        return ImportBarsResponse.newBuilder()
                .setSequence(chunk.getSequence())
                .setReport(report)
                .setChunksDone(chunks.incrementAndGet())
                .setBarsDone(bars.addAndGet(chunk.getBarsCount()))
                .build();
    }
}
