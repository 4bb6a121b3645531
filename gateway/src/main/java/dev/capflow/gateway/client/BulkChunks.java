package dev.capflow.gateway.client;

import dev.capflow.proto.ingest.v1.ImportBarsRequest;
import dev.capflow.proto.ingest.v1.ImportBarsResponse;

/** The chunks of one bulk import, produced on demand, and the receiver of their acknowledgements. */
public interface BulkChunks {

    /** The next chunk (may block reading its source), or null after the last. */
    ImportBarsRequest next();

    /** Called once per chunk, once it is committed; possibly from another thread. */
    void acknowledged(ImportBarsResponse ack);
}
