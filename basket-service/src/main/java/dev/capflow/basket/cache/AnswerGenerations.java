package dev.capflow.basket.cache;

import dev.capflow.basket.config.BasketConfig;
import dev.capflow.redis.AnswerGenerationKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.set.ReactiveSetCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The answer generation of each basket, in Redis at {@code capflow:basket:{id}:generation}: a number that moves
 * whenever an answer about the basket may change, so that every cache keyed by it (the gateway's response cache,
 * this service's answer and history caches) never serves an old answer as fresh. It moves when the basket is edited
 * (deleted: the key goes), and when history changes for a symbol one of its answers was computed from (a member, an
 * FX rate, a benchmark): computing registers the basket in {@code capflow:basket:dependents:{symbol}} before it reads
 * the history, and a change entry on the price stream moves every registered basket. When events may have been lost
 * (at start, after a Redis outage, after a failed move) every generation moves once Redis answers.
 * <p>
 * A missing generation is created from the clock in microseconds, so a recreated key never repeats a value that
 * older cache entries carry.
 */
@ApplicationScoped
public class AnswerGenerations {

    private static final Logger LOG = Logger.getLogger(AnswerGenerations.class);

    /**
     * KEYS = dependents sets; ARGV[1] = generation key prefix, ARGV[2] = a fresh value for a missing generation,
     * ARGV[3] = the generation key suffix.
     */
    private static final String MOVE_DEPENDENTS = """
            local moved = 0
            for _, set in ipairs(KEYS) do
              for _, id in ipairs(redis.call('SMEMBERS', set)) do
                local key = ARGV[1] .. id .. ARGV[3]
                redis.call('SET', key, ARGV[2], 'NX')
                redis.call('INCR', key)
                moved = moved + 1
              end
            end
            return moved""";

    private final ReactiveRedisDataSource redis;
    private final ReactiveValueCommands<String, Long> values;
    private final ReactiveKeyCommands<String> keys;
    private final ReactiveSetCommands<String, String> sets;
    private final BasketConfig.Redis config;
    /** True while generations may lag behind changes that happened: from start until the first repair. */
    private final AtomicBoolean repairNeeded = new AtomicBoolean(true);

    private final AtomicBoolean repairing = new AtomicBoolean();

    public AnswerGenerations(ReactiveRedisDataSource redis, BasketConfig config) {
        this.redis = redis;
        this.values = redis.value(String.class, Long.class);
        this.keys = redis.key(String.class);
        this.sets = redis.set(String.class);
        this.config = config.redis();
    }

    /** The Redis key of {@code basketId}'s generation (the gateway reads the same key). */
    public String key(String basketId) {
        return AnswerGenerationKeys.generation(config.keyPrefix(), basketId);
    }

    /** The current generation of each basket, creating the missing ones; fails when Redis does not answer in time. */
    public Uni<List<String>> current(List<String> basketIds) {
        Uni<List<String>> chain = Uni.createFrom().item(new ArrayList<>());
        for (String id : basketIds) {
            chain = chain.chain(found -> ensure(id).map(generation -> {
                found.add(generation);
                return found;
            }));
        }
        return chain.ifNoItem().after(config.timeout().multipliedBy(2)).fail();
    }

    private Uni<String> ensure(String basketId) {
        String key = key(basketId);
        return values.setnx(key, freshValue()).chain(() -> values.get(key)).map(String::valueOf);
    }

    /**
     * Registers {@code basketId} as computed from the history of {@code symbols}; must complete before that history is
     * read. False when Redis did not take it (then nothing computed from that history may be cached).
     */
    public Uni<Boolean> dependOn(String basketId, Collection<String> symbols) {
        List<Uni<Integer>> adds = symbols.stream()
                .map(symbol -> sets.sadd(dependentsKey(symbol), basketId))
                .toList();
        return Uni.join()
                .all(adds)
                .andFailFast()
                .ifNoItem()
                .after(config.timeout())
                .fail()
                .map(added -> true)
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.debugf("cannot register the dependencies of %s: %s", basketId, failure);
                    return false;
                });
    }

    /** Moves the generation of a basket that was just edited. */
    public Uni<Void> edited(String basketId) {
        String key = key(basketId);
        return attempt(
                values.setnx(key, freshValue()).chain(() -> values.incr(key)).replaceWithVoid(), "edited " + basketId);
    }

    /** Forgets the generation of a basket that was just deleted (a missing generation is never a cache hit). */
    public Uni<Void> deleted(String basketId) {
        return attempt(keys.del(key(basketId)).replaceWithVoid(), "deleted " + basketId);
    }

    /** Moves the generation of every basket computed from the history of {@code symbols}, which just changed. */
    public Uni<Void> historyChanged(Collection<String> symbols) {
        if (symbols.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> args = new ArrayList<>();
        args.add(MOVE_DEPENDENTS);
        args.add(Integer.toString(symbols.size()));
        symbols.forEach(symbol -> args.add(dependentsKey(symbol)));
        args.add(config.keyPrefix());
        args.add(Long.toString(freshValue()));
        args.add(AnswerGenerationKeys.GENERATION_SUFFIX);
        return attempt(
                redis.execute(Command.EVAL, args.toArray(String[]::new)).replaceWithVoid(), "history of " + symbols);
    }

    /** Changes may have been missed (the price stream could not be read): every generation moves at the next repair. */
    public void eventsMayBeLost() {
        repairNeeded.set(true);
    }

    /** Moves every generation if changes may have been missed; called whenever Redis is known to answer. */
    public Uni<Void> repairIfNeeded() {
        if (!repairNeeded.get() || !repairing.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        repairNeeded.set(false);
        return keys.scan(new KeyScanArgs()
                        .match(AnswerGenerationKeys.everyGeneration(config.keyPrefix()))
                        .count(500))
                .toMulti()
                .onItem()
                .transformToUniAndMerge(values::incr)
                .collect()
                .with(Collectors.counting())
                .invoke(count -> LOG.debugf("moved %d answer generations", count))
                .replaceWithVoid()
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.debugf("cannot move every answer generation yet: %s", failure);
                    repairNeeded.set(true);
                    return null;
                })
                .eventually(() -> repairing.set(false));
    }

    private Uni<Void> attempt(Uni<Void> move, String what) {
        return move.ifNoItem().after(config.timeout()).fail().onFailure().recoverWithItem(failure -> {
            LOG.warnf(
                    "cannot move the answer generation (%s), every generation moves once Redis answers: %s",
                    what, failure.toString());
            repairNeeded.set(true);
            return null;
        });
    }

    private String dependentsKey(String symbol) {
        return AnswerGenerationKeys.dependents(config.keyPrefix(), symbol);
    }

    private static long freshValue() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }
}
