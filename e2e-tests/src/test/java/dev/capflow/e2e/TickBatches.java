package dev.capflow.e2e;

import com.google.protobuf.Timestamp;
import dev.capflow.proto.ingest.v1.IngestTicksRequest;
import dev.capflow.proto.ingest.v1.Tick;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * Numbered tick batches for one symbol: batch {@code s} holds ticks {@code s*size .. s*size+size-1}, tick
 * {@code k} at {@code start + k ms}, so every tick is distinct and its batch follows from its timestamp.
 */
record TickBatches(String symbol, Instant start, int batchSize) {

    /** The first {@code count} batches, sequences 0 to count-1. */
    List<IngestTicksRequest> first(int count) {
        return LongStream.range(0, count).mapToObj(this::batch).toList();
    }

    /** Batches 0, 1, 2... without end, each made when it is sent. */
    Iterable<IngestTicksRequest> endless() {
        return () -> LongStream.iterate(0, sequence -> sequence + 1)
                .mapToObj(this::batch)
                .iterator();
    }

    /** Batch {@code sequence}. */
    IngestTicksRequest batch(long sequence) {
        IngestTicksRequest.Builder batch = IngestTicksRequest.newBuilder().setSequence(sequence);
        for (long k = sequence * batchSize; k < (sequence + 1) * batchSize; k++) {
            Instant ts = start.plusMillis(k);
            batch.addTicks(Tick.newBuilder()
                    .setSymbol(symbol)
                    .setTs(Timestamp.newBuilder()
                            .setSeconds(ts.getEpochSecond())
                            .setNanos(ts.getNano()))
                    .setPrice(100 + (k % 1000) / 100.0)
                    .setSize(1 + k % 100));
        }
        return batch.build();
    }

    /** How many ticks of each batch are stored, by sequence (batches with none are absent). */
    Map<Long, Long> storedPerBatch(Connection connection) throws SQLException {
        String sql = """
                SELECT floor((extract(epoch FROM ts) * 1000 - ?) / ?)::bigint, count(*)
                FROM ingest.tick WHERE symbol = ? GROUP BY 1""";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, start.toEpochMilli());
            statement.setInt(2, batchSize);
            statement.setString(3, symbol);
            Map<Long, Long> stored = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getLong(1), rows.getLong(2));
                }
            }
            return stored;
        }
    }
}
