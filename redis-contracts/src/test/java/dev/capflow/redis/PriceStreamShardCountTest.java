package dev.capflow.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Writers and readers of the price stream with mismatched shard counts, on a real Redis: the mismatch is reported. */
class PriceStreamShardCountTest {

    private static final String PREFIX = "test:shard-count:prices";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis(10);

    @AfterEach
    void forget() {
        REDIS.delete(List.of(PriceStreamShardCount.key(PREFIX)));
    }

    private static PriceStreamShardCount count(int shards) {
        return new PriceStreamShardCount(
                REDIS.client(), new PriceStreamEntries.Shards(PREFIX, shards), Duration.ofSeconds(2));
    }

    @Test
    void aReaderWithTheWritersCountAgreesAndOneWithAnotherCountIsNotAgreedNamingBoth() {
        assertThat(count(16).record().await().atMost(WAIT)).isEmpty();
        assertThat(REDIS.client()
                        .send(Request.cmd(Command.GET).arg("test:shard-count:prices:shard-count"))
                        .await()
                        .atMost(WAIT)
                        .toString())
                .isEqualTo("16");
        long ttl = REDIS.client()
                .send(Request.cmd(Command.TTL).arg(PriceStreamShardCount.key(PREFIX)))
                .await()
                .atMost(WAIT)
                .toLong();
        assertThat(ttl).as("expires unless a writer records it again").isBetween(1L, 60L);

        assertThat(count(16).agreement().await().atMost(WAIT))
                .isEqualTo(new PriceStreamShardCount.Agreement(true, "16 shards"));
        PriceStreamShardCount.Agreement eight = count(8).agreement().await().atMost(WAIT);
        assertThat(eight.agreed()).isFalse();
        assertThat(eight.detail())
                .startsWith("this process uses 8 price stream shards, the price stream's writers (ingest-service) 16")
                .contains("Redis key test:shard-count:prices:shard-count");
    }

    @Test
    void aWriterWithAnotherCountThanTheOneRecordedHearsOfItAndRecordsItsOwn() {
        count(16).record().await().atMost(WAIT);
        Optional<String> disagreement = count(8).record().await().atMost(WAIT);
        assertThat(disagreement)
                .hasValueSatisfying(message -> assertThat(message)
                        .startsWith("this process uses 8 price stream shards, another writer of the price stream 16"));
        assertThat(count(8).check().await().atMost(WAIT)).isEmpty();
    }

    @Test
    void nothingRecordedOrNoRedisIsAgreed() {
        assertThat(count(8).agreement().await().atMost(WAIT).agreed())
                .as("no writer recorded a count yet")
                .isTrue();
        Redis nowhere = Redis.createClient(REDIS.vertx(), "redis://127.0.0.1:1");
        try {
            PriceStreamShardCount.Agreement unknown = new PriceStreamShardCount(
                            nowhere, new PriceStreamEntries.Shards(PREFIX, 8), Duration.ofSeconds(2))
                    .agreement()
                    .await()
                    .atMost(WAIT);
            assertThat(unknown.agreed()).isTrue();
            assertThat(unknown.detail()).startsWith("8 shards, not checked: Redis did not answer");
        } finally {
            nowhere.close();
        }
    }
}
