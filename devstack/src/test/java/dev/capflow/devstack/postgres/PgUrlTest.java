package dev.capflow.devstack.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PgUrlTest {

    @Test
    void parsesHostPortDatabaseAndQuery() {
        PgUrl url = PgUrl.parse("jdbc:postgresql://db.example:6543/analytics?sslmode=require");

        assertThat(url).isEqualTo(new PgUrl("db.example", 6543, "analytics", "sslmode=require"));
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/analytics?sslmode=require");
        assertThat(url.reactiveUrl()).isEqualTo("postgresql://db.example:6543/analytics?sslmode=require");
    }

    @Test
    void defaultsPortTo5432AndDatabaseToCapflow() {
        assertThat(PgUrl.parse(" jdbc:postgresql://127.0.0.1 ").jdbcUrl())
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/capflow");
        assertThat(PgUrl.parse("jdbc:postgresql://localhost:5433/").reactiveUrl())
                .isEqualTo("postgresql://localhost:5433/capflow");
    }

    @Test
    void keepsIpv6HostsBracketed() {
        assertThat(PgUrl.parse("jdbc:postgresql://[::1]:5432/capflow").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:5432/capflow");
    }

    @Test
    void switchesDatabaseForAdministration() {
        assertThat(PgUrl.parse("jdbc:postgresql://h:1/capflow")
                        .withDatabase("postgres")
                        .jdbcUrl())
                .isEqualTo("jdbc:postgresql://h:1/postgres");
    }

    @Test
    void rejectsTheLibpqFormWithoutEchoingThePassword() {
        assertThatThrownBy(() -> PgUrl.parse("postgresql://alice:s3cret@db:5432/capflow"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not of the form jdbc:postgresql://host:port/database")
                .hasMessageContaining("CAPFLOW_PG_USER")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void rejectsCredentialsInsideAJdbcUrl() {
        assertThatThrownBy(() -> PgUrl.parse("jdbc:postgresql://alice:s3cret@db/capflow"))
                .hasMessageContaining("carries a user")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void rejectsEmptyAndHostlessUrls() {
        assertThatThrownBy(() -> PgUrl.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> PgUrl.parse("jdbc:postgresql:///capflow")).hasMessageContaining("has no host");
        assertThatThrownBy(() -> PgUrl.parse("jdbc:postgresql://a:1,b:2/capflow"))
                .hasMessageContaining("has no host");
        assertThatThrownBy(() -> PgUrl.parse("jdbc:postgresql://h/a/b")).hasMessageContaining("database name with '/'");
    }

    @Test
    void readsCredentialsFromTheEnvironmentWithDefaults() {
        assertThat(PgCredentials.from(Map.of())).isEqualTo(new PgCredentials("postgres", ""));
        assertThat(PgCredentials.from(Map.of("CAPFLOW_PG_USER", "alice", "CAPFLOW_PG_PASSWORD", "pw")))
                .isEqualTo(new PgCredentials("alice", "pw"));
        assertThat(new PgCredentials("alice", "pw").toString()).doesNotContain("pw");
    }

    @Test
    void quotesDatabaseNamesForSql() {
        assertThat(PostgresAdmin.quoteIdentifier("capflow")).isEqualTo("\"capflow\"");
        assertThat(PostgresAdmin.quoteIdentifier("we\"ird")).isEqualTo("\"we\"\"ird\"");
    }
}
