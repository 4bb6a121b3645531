package dev.capflow.gateway.rest.csv;

import dev.capflow.gateway.client.BulkChunks;
import dev.capflow.gateway.request.IngestReport;
import dev.capflow.gateway.request.Rejection;
import dev.capflow.gateway.rest.dto.BulkCsvImportReport;
import dev.capflow.proto.ingest.v1.BarWriteMode;
import dev.capflow.proto.ingest.v1.ImportBarsRequest;
import dev.capflow.proto.ingest.v1.ImportBarsResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One bulk CSV import: numbered chunks read from the file on demand, the lines of each chunk kept until it is
 * acknowledged (to locate the service's rejections by line), and the acknowledgements added up into one report that
 * details the first {@code maxDetailed} rejections by line and counts the rest.
 */
public final class BulkCsvImport implements BulkChunks {

    private static final Comparator<Rejection> LAST_ROW_FIRST =
            Comparator.comparingInt(Rejection::row).reversed();

    private final BulkCsvReader reader;
    private final BarWriteMode mode;
    private final int maxDetailed;
    private final Map<Long, int[]> rowsInFlight = new ConcurrentHashMap<>();
    /** The detailed rejections, the one with the last line on top (the first to give way to an earlier line). */
    private final PriorityQueue<Rejection> detailed = new PriorityQueue<>(LAST_ROW_FIRST);

    private long nextSequence;
    private int accepted;
    private int duplicates;
    private int skipped;
    private int replaced;
    private int rejectedCount;

    public BulkCsvImport(BulkCsvReader reader, BarWriteMode mode, int maxDetailed) {
        this.reader = reader;
        this.mode = mode;
        this.maxDetailed = maxDetailed;
    }

    @Override
    public ImportBarsRequest next() {
        for (BulkCsvReader.Chunk chunk = reader.next(); chunk != null; chunk = reader.next()) {
            synchronized (this) {
                skipped += chunk.skipped();
                chunk.rejected().forEach(this::reject);
            }
            if (!chunk.bars().isEmpty()) {
                long sequence = nextSequence++;
                rowsInFlight.put(sequence, chunk.rows());
                return ImportBarsRequest.newBuilder()
                        .setSequence(sequence)
                        .setMode(mode)
                        .addAllBars(chunk.bars())
                        .build();
            }
        }
        return null;
    }

    @Override
    public synchronized void acknowledged(ImportBarsResponse ack) {
        int[] rows = rowsInFlight.remove(ack.getSequence());
        dev.capflow.proto.common.v1.IngestReport report = ack.getReport();
        accepted += report.getAccepted();
        duplicates += report.getDuplicates();
        skipped += report.getSkipped();
        replaced += report.getReplaced();
        report.getRejectedList()
                .forEach(rejection -> reject(
                        Rejection.atRow(rows[rejection.getIndex()], rejection.getField(), rejection.getReason())));
    }

    /** The report once every chunk is acknowledged. */
    public synchronized BulkCsvImportReport report() {
        List<Rejection> byLine = new ArrayList<>(detailed);
        byLine.sort(Comparator.comparingInt(Rejection::row));
        return new BulkCsvImportReport(
                reader.dataRows(),
                new IngestReport(accepted, duplicates, skipped, byLine, replaced),
                rejectedCount,
                rejectedCount - byLine.size());
    }

    private void reject(Rejection rejection) {
        rejectedCount++;
        detailed.add(rejection);
        if (detailed.size() > maxDetailed) {
            detailed.poll();
        }
    }
}
