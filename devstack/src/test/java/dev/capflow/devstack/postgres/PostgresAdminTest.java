package dev.capflow.devstack.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capflow.testsupport.Datastores;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs against the real PostgreSQL of the test environment (see capflow-test-support). */
class PostgresAdminTest {

    /** Redis logical database of this module's tests; PostgresAdmin never touches Redis, but Datastores flushes it. */
    private static final int REDIS_DB = 14;

    private static Datastores stores;
    private static PostgresAdmin admin;

    @BeforeAll
    static void start() {
        stores = Datastores.start(REDIS_DB);
        admin = new PostgresAdmin(new PgCredentials(stores.user(), stores.password()));
    }

    @AfterAll
    static void stop() throws Exception {
        stores.close();
    }

    private static PgUrl url(String database) {
        return new PgUrl(stores.pgHost(), stores.pgPort(), database, null);
    }

    @Test
    void createsAMissingDatabaseOnceAndThenFindsIt() throws Exception {
        PgUrl url = url(stores.database() + "_ensure");
        try {
            assertThat(admin.ensureDatabase(url)).isTrue();
            assertThat(admin.ensureDatabase(url)).isFalse();
            try (Connection connection = admin.connect(url);
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT current_database()")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo(stores.database() + "_ensure");
            }
        } finally {
            try (Connection connection = admin.connect(url("postgres"));
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + stores.database() + "_ensure WITH (FORCE)");
            }
        }
    }

    @Test
    void findsAnExistingDatabaseWithoutCreatingIt() throws Exception {
        assertThat(admin.ensureDatabase(url(stores.database()))).isFalse();
    }

    @Test
    void loginCheckAcceptsAMissingDatabaseButNotAnUnknownUser() {
        assertThatCode(() -> admin.checkLogin(url(stores.database() + "_absent")))
                .doesNotThrowAnyException();

        PostgresAdmin stranger = new PostgresAdmin(new PgCredentials("capflow_no_such_role", ""));
        assertThatThrownBy(() -> stranger.checkLogin(url(stores.database())))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("capflow_no_such_role");
    }

    @Test
    void loginCheckReportsAServerThatIsNotThere() {
        PgUrl nowhere = new PgUrl("127.0.0.1", 1, "capflow", null);

        assertThatThrownBy(() -> admin.checkLogin(nowhere))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Connection to 127.0.0.1:1 refused");
    }
}
