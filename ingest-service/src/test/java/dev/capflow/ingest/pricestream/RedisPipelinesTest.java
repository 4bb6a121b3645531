package dev.capflow.ingest.pricestream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.redis.RedisTopology;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisPipelinesTest {

    private static final Request A1 = xadd("capflow:prices:{1}");
    private static final Request A2 = xadd("capflow:prices:{1}");
    private static final Request B1 = xadd("capflow:prices:{2}");
    private static final Map<String, List<Request>> BY_KEY = byKey();

    @Test
    void aSingleRedisTakesEveryKeyInOneSequenceKeepingEachKeysOrder() {
        assertThat(new RedisPipelines(RedisTopology.SINGLE_MASTER).sequences(BY_KEY))
                .containsExactly(List.of(A1, A2, B1));
    }

    @Test
    void aClusterTakesEachKeyInASequenceOfItsOwn() {
        assertThat(new RedisPipelines(RedisTopology.CLUSTER).sequences(BY_KEY))
                .containsExactly(List.of(A1, A2), List.of(B1));
    }

    @Test
    void nothingToSendIsNoSequence() {
        assertThat(new RedisPipelines(RedisTopology.SINGLE_MASTER).sequences(Map.of()))
                .isEmpty();
    }

    private static Map<String, List<Request>> byKey() {
        Map<String, List<Request>> byKey = new LinkedHashMap<>();
        byKey.put("capflow:prices:{1}", List.of(A1, A2));
        byKey.put("capflow:prices:{2}", List.of(B1));
        return byKey;
    }

    private static Request xadd(String key) {
        return Request.cmd(Command.XADD).arg(key).arg("*").arg("symbol").arg("X");
    }
}
