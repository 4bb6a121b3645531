package dev.capflow.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The EVAL both writers of a missing answer generation send, run on a real Redis. */
class MissingGenerationsTest {

    private static final String PREFIX = "test:missing:";
    private static final String GENERATION = AnswerGenerationKeys.generation(PREFIX, "team-google");
    private static final String BASKETS = AnswerGenerationKeys.baskets(PREFIX);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis(13);

    @AfterEach
    void deleteKeys() {
        REDIS.delete(List.of(GENERATION, BASKETS));
    }

    @Test
    void aMissingGenerationIsCreatedWithAFreshValueAndItsBasketJoinsTheSet() {
        long before = MissingGenerations.freshValue();

        String read = ensureThen("GET").toString();

        assertThat(Long.parseLong(read)).isGreaterThanOrEqualTo(before);
        assertThat(send(Request.cmd(Command.GET).arg(GENERATION)).toString()).isEqualTo(read);
        assertThat(send(Request.cmd(Command.SISMEMBER).arg(BASKETS).arg("team-google"))
                        .toInteger())
                .isEqualTo(1);
    }

    @Test
    void anExistingGenerationIsReadOrMovedNotReplaced() {
        send(Request.cmd(Command.SET).arg(GENERATION).arg("41"));

        assertThat(ensureThen("GET").toString()).isEqualTo("41");
        assertThat(ensureThen("INCR").toLong()).isEqualTo(42);
        assertThat(send(Request.cmd(Command.GET).arg(GENERATION)).toString()).isEqualTo("42");
    }

    private static Response ensureThen(String command) {
        Request eval = Request.cmd(Command.EVAL);
        MissingGenerations.evalArguments(PREFIX, "team-google", command).forEach(eval::arg);
        return send(eval);
    }

    private static Response send(Request request) {
        return REDIS.client().send(request).await().atMost(WAIT);
    }
}
