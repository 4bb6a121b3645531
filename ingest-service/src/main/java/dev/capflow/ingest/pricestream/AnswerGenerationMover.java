package dev.capflow.ingest.pricestream;

import dev.capflow.ingest.config.IngestConfig;
import dev.capflow.redis.DependentGenerations;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import org.jboss.logging.Logger;

/**
 * Moves the answer generations of the baskets computed from the symbols a committed history change touched
 * (basket-service's keys, {@link DependentGenerations}) before the change is acknowledged: a basket answer asked for
 * after the acknowledgement is never one cached before the change. Bounded and best effort: when Redis does not
 * answer in time the write is acknowledged all the same, and its change entry ({@link ChangeRelay}) moves them once
 * Redis answers, as before.
 */
@ApplicationScoped
public class AnswerGenerationMover {

    private static final Logger LOG = Logger.getLogger(AnswerGenerationMover.class);

    private final Redis redis;
    private final String prefix;
    private final Duration timeout;

    public AnswerGenerationMover(Redis redis, IngestConfig config) {
        this.redis = redis;
        this.prefix = config.redis().answerGenerationPrefix();
        this.timeout = config.redis().answerGenerationTimeout();
    }

    /** Completes once the generations moved, or once moving them failed or timed out (then the change entry will). */
    public Uni<Void> historyChanged(Collection<String> symbols) {
        if (symbols.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Request move = Request.cmd(Command.EVAL);
        DependentGenerations.evalArguments(prefix, symbols).forEach(move::arg);
        return redis.send(move)
                .ifNoItem()
                .after(timeout)
                .fail()
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.debugf("answer generations of %s left to the change entry: %s", symbols, failure);
                    return null;
                })
                .replaceWithVoid();
    }
}
