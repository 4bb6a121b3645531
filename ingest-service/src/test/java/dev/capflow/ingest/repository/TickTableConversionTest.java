package dev.capflow.ingest.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capflow.ingest.SqlRows;
import dev.capflow.testsupport.Datastores;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * V4 and V5 on a database that already holds ticks: the rows move into monthly partitions with the same identity, a
 * resend is still a duplicate, and the minute bars are built from them.
 */
class TickTableConversionTest {

    private static Datastores stores;

    @BeforeAll
    static void migrateWithTicks() throws SQLException {
        stores = Datastores.start(14);
        flyway(MigrationVersion.fromVersion("3")).migrate();
        execute("""
                INSERT INTO ingest.tick (symbol, ts, price, size, source, trade_id) VALUES
                    ('CONV', '2025-01-31T23:59:59.5Z', 10, 1, '', ''),
                    ('CONV', '2025-01-31T23:59:59.5Z', 12, 4, 'nasdaq', '7'),
                    ('CONV', '2025-01-31T23:59:01Z', 11, 2, '', ''),
                    ('CONV', '2025-02-01T00:00:00Z', 13, 3, '', '')""");
        flyway(MigrationVersion.LATEST).migrate();
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        stores.close();
    }

    private static Flyway flyway(MigrationVersion target) {
        return Flyway.configure()
                .dataSource(stores.jdbcUrl(), stores.user(), stores.password())
                .schemas("ingest")
                .locations("classpath:db/migration")
                .target(target)
                .load();
    }

    @Test
    void everyTickMovesIntoThePartitionOfItsMonth() throws SQLException {
        assertThat(strings("SELECT (SELECT relname FROM pg_class WHERE oid = tick.tableoid) || ' ' || price"
                        + " FROM ingest.tick WHERE symbol = 'CONV' ORDER BY ts, source"))
                .containsExactly("tick_p202501 11", "tick_p202501 10", "tick_p202501 12", "tick_p202502 13");
        assertThat(strings("SELECT relname FROM pg_class WHERE relname = 'tick_unpartitioned'"))
                .isEmpty();
    }

    @Test
    void theTickIdentityStillFindsDuplicates() throws SQLException {
        assertThat(strings("""
                INSERT INTO ingest.tick (symbol, ts, price, size, source, trade_id) VALUES
                    ('CONV', '2025-01-31T23:59:59.5Z', 10, 1, '', ''), ('CONX', '2025-01-31T23:59:59.5Z', 12, 4, 'nasdaq', '8')
                ON CONFLICT (symbol, ts, source, trade_id) DO NOTHING RETURNING trade_id""")).containsExactly("8");
        assertThatThrownBy(() -> execute("INSERT INTO ingest.tick (symbol, ts, price, size) VALUES"
                        + " ('CONV', '2025-02-01T00:00:00Z', 1, 1)"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("tick_p202502_pkey");
    }

    @Test
    void minuteBarsAreBuiltFromTheExistingTicks() throws SQLException {
        assertThat(strings("SELECT to_char(minute AT TIME ZONE 'UTC', 'HH24:MI') || ' ' || open || ' ' || high || ' '"
                        + " || low || ' ' || close || ' ' || volume || ' ' || tick_count FROM ingest.minute_bar"
                        + " WHERE symbol = 'CONV' ORDER BY minute"))
                .containsExactly("23:59 11 12 10 12 7 3", "00:00 13 13 13 13 3 1");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = stores.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> strings(String sql) throws SQLException {
        return SqlRows.strings(stores.connect(), sql);
    }
}
