package dev.capflow.ingest.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.ingest.SqlRows;
import dev.capflow.ingest.domain.Tick;
import dev.capflow.testsupport.PostgresRedisResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "1"))
class TickInsertQueueTest {

    private static final Instant BASE = Instant.parse("2025-03-03T15:00:00Z");

    @Inject
    TickInsertQueue queue;

    @Test
    void batchesThatWaitForTheStatementsAtOnceGoInTogetherInOneTransaction() throws Exception {
        List<CompletableFuture<List<Tick>>> answers = new ArrayList<>();
        try (Connection blocker = PostgresRedisResource.datastores().connect();
                Statement statement = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            // the two statements the queue runs at once (tick-statements-at-once, 2) wait for this lock
            statement.execute("LOCK TABLE ingest.minute_bar_pending IN SHARE MODE");
            for (int b = 0; b < 4; b++) {
                answers.add(queue.insert(batch(b)).subscribeAsCompletionStage());
            }
            blocker.commit();
        }
        for (CompletableFuture<List<Tick>> answer : answers) {
            assertThat(answer.get(20, TimeUnit.SECONDS)).hasSize(3);
        }
        // the first two batches in a statement each, the two that waited together in a third
        assertThat(SqlRows.strings(
                        PostgresRedisResource.datastores().connect(),
                        "SELECT count(*) || ' ' || count(DISTINCT xmin::text) FROM ingest.tick WHERE symbol = 'TIQ'"))
                .containsExactly("12 3");
        assertThat(SqlRows.strings(
                        PostgresRedisResource.datastores().connect(),
                        "SELECT sum(volume) FROM ingest.minute_bar_current WHERE symbol = 'TIQ'"))
                .containsExactly(String.valueOf(4 * (1 + 2 + 3)));
    }

    private static List<Tick> batch(int b) {
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ticks.add(new Tick("TIQ", BASE.plusSeconds(b * 3L + i), 50 + i, i + 1, "", ""));
        }
        return ticks;
    }
}
