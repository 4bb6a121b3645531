package dev.capflow.ingest.repository;

/** The tables of schema ingest partitioned by UTC month of a time column (V4, V6), each with its own retention. */
public enum PartitionedTable {
    TICK("tick", "ts"),
    MINUTE_BAR("minute_bar", "minute");

    private final String table;
    private final String timeColumn;

    PartitionedTable(String table, String timeColumn) {
        this.table = table;
        this.timeColumn = timeColumn;
    }

    String table() {
        return table;
    }

    String timeColumn() {
        return timeColumn;
    }
}
