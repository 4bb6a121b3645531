package dev.capflow.devstack.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capflow.devstack.postgres.PgCredentials;
import dev.capflow.devstack.postgres.PgUrl;
import dev.capflow.devstack.postgres.PostgresAdmin;
import dev.capflow.devstack.redis.RedisPing;
import dev.capflow.devstack.redis.RedisUrl;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the real embedded PostgreSQL (through unshare when run as root) and redis-server. */
class EmbeddedDatastoresTest {

    @TempDir
    Path dir;

    private final PostgresAdmin admin = new PostgresAdmin(new PgCredentials(EmbeddedPostgresServer.USER, ""));
    private final RedisPing redisPing = new RedisPing(Duration.ofSeconds(3));

    @Test
    void servesPostgresAndRedisKeepsDataAndPortsAcrossARestartAndStopsCleanly() throws Exception {
        Map<String, String> first;
        try (EmbeddedDatastores datastores = EmbeddedDatastores.start(dir, true, true, Map.of())) {
            first = datastores.state(4242);
            assertThat(first)
                    .containsEntry("DATASTORES_PID", "4242")
                    .containsEntry("POSTGRES_USER", "postgres")
                    .containsKeys("POSTGRES_PID", "REDIS_PID");
            PgUrl postgres = PgUrl.parse(first.get("POSTGRES_URL"));
            assertThat(admin.ensureDatabase(postgres)).isTrue();
            try (Connection connection = admin.connect(postgres);
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SHOW fsync")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo("on");
            }
            redisPing.ping(RedisUrl.parse(first.get("REDIS_URL")));
            assertThat(alive(first.get("POSTGRES_PID"))).isTrue();
            assertThat(alive(first.get("REDIS_PID"))).isTrue();
        }
        assertStopped(first);

        try (EmbeddedDatastores restarted = EmbeddedDatastores.start(dir, true, true, first)) {
            Map<String, String> second = restarted.state(4243);
            assertThat(second.get("POSTGRES_PORT")).isEqualTo(first.get("POSTGRES_PORT"));
            assertThat(second.get("REDIS_PORT")).isEqualTo(first.get("REDIS_PORT"));
            assertThat(admin.ensureDatabase(PgUrl.parse(second.get("POSTGRES_URL"))))
                    .as("database kept")
                    .isFalse();
        }
    }

    @Test
    void startsOnlyWhatIsAskedFor() throws Exception {
        try (EmbeddedDatastores redisOnly = EmbeddedDatastores.start(dir, false, true, Map.of())) {
            Map<String, String> state = redisOnly.state(1);
            assertThat(state)
                    .containsKeys("REDIS_URL", "REDIS_PORT")
                    .doesNotContainKeys("POSTGRES_URL", "POSTGRES_PORT");
            redisPing.ping(RedisUrl.parse(state.get("REDIS_URL")));
        }
    }

    private void assertStopped(Map<String, String> state) throws InterruptedException {
        for (int i = 0; i < 50 && (alive(state.get("POSTGRES_PID")) || alive(state.get("REDIS_PID"))); i++) {
            Thread.sleep(100);
        }
        assertThat(alive(state.get("POSTGRES_PID"))).as("postgres stopped").isFalse();
        assertThat(alive(state.get("REDIS_PID"))).as("redis stopped").isFalse();
        assertThatThrownBy(() -> redisPing.ping(RedisUrl.parse(state.get("REDIS_URL"))))
                .isInstanceOf(IOException.class);
    }

    private static boolean alive(String pid) {
        return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
    }
}
