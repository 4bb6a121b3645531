package dev.capflow.ingest.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The monthly partitions of ingest.tick and ingest.minute_bar, through the SQL functions of
 * V6__minute_bar_partitions.sql: both are idempotent and serialize on one advisory lock per table, so every service
 * replica may run them.
 */
@ApplicationScoped
public class MonthPartitionRepository {

    private static final String ENSURE = """
            SELECT to_char(month, 'YYYY-MM') AS month FROM unnest($3::date[]) AS month
            WHERE ingest.ensure_month_partition($1, $2, month)""";

    private static final String DROP_BEFORE = "SELECT ingest.drop_month_partitions_before($1, $2, $3) AS dropped";

    private final Pool pool;

    public MonthPartitionRepository(Pool pool) {
        this.pool = pool;
    }

    /** Creates the missing partitions of {@code months} of {@code table} (one transaction); answers those created. */
    public Uni<List<String>> ensure(PartitionedTable table, List<YearMonth> months) {
        LocalDate[] starts = months.stream().map(month -> month.atDay(1)).toArray(LocalDate[]::new);
        return pool.withTransaction(connection ->
                        connection.preparedQuery(ENSURE).execute(Tuple.of(table.table(), table.timeColumn(), starts)))
                .map(rows -> strings(rows, "month"));
    }

    /**
     * Drops the partitions of {@code table} whose whole month is before {@code cutoff}, deletes the older rows of its
     * DEFAULT partition, and answers the dropped partitions' names.
     */
    public Uni<List<String>> dropBefore(PartitionedTable table, Instant cutoff) {
        return pool.withTransaction(connection -> connection
                        .preparedQuery(DROP_BEFORE)
                        .execute(Tuple.of(table.table(), table.timeColumn(), cutoff.atOffset(ZoneOffset.UTC))))
                .map(rows -> strings(rows, "dropped"));
    }

    private static List<String> strings(RowSet<Row> rows, String column) {
        List<String> values = new ArrayList<>(rows.size());
        for (Row row : rows) {
            values.add(row.getString(column));
        }
        return values;
    }
}
