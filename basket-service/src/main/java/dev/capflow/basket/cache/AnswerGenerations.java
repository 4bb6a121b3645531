package dev.capflow.basket.cache;

import dev.capflow.basket.config.BasketConfig;
import dev.capflow.errors.NotFoundException;
import dev.capflow.redis.AnswerGenerationKeys;
import dev.capflow.redis.DependentGenerations;
import dev.capflow.redis.MissingGenerations;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The answer generation of each basket, in Redis at {@code capflow:basket:{generations}:<id>:generation}: a number that
 * moves whenever an answer about the basket may change, so that every cache keyed by it (the gateway's response cache,
 * this service's answer and history caches) never serves an old answer as fresh. It moves when the basket is created or
 * edited (deleted, or asked about while no basket has its id: the key goes), and when history changes for a symbol
 * one of its answers was computed from (a member, an FX rate, a benchmark): computing registers the basket in
 * {@code capflow:basket:{generations}:dependents:<symbol>} before it reads the history, and a change entry on the price
 * stream moves every registered basket. When events may have been lost (at start, when price stream entries may be
 * lost unread, after a failed move) every generation listed in {@code capflow:basket:{generations}:baskets} moves once
 * Redis answers. Every key carries the hash tag {@code {generations}}: on a Redis Cluster they share one slot, so
 * each Lua script here touches one slot.
 * <p>
 * A missing generation is created from the clock in microseconds, so a recreated key never repeats a value that
 * older cache entries carry.
 */
@ApplicationScoped
public class AnswerGenerations {

    private static final Logger LOG = Logger.getLogger(AnswerGenerations.class);

    /** KEYS[1] = a generation, KEYS[2] = the baskets set; ARGV[1] = the basket id. */
    private static final String FORGET = """
            redis.call('DEL', KEYS[1])
            return redis.call('SREM', KEYS[2], ARGV[1])""";

    /** KEYS = dependents sets; ARGV[1] = the basket id. One round trip for a basket of any size (one slot). */
    private static final String DEPEND_ON = """
            for _, key in ipairs(KEYS) do
              redis.call('SADD', key, ARGV[1])
            end
            return #KEYS""";

    /** KEYS[1] = the baskets set; ARGV[1] = generation key prefix, ARGV[2] = suffix. Moves every generation. */
    private static final String MOVE_ALL = """
            local moved = 0
            for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
              local key = ARGV[1] .. id .. ARGV[2]
              if redis.call('EXISTS', key) == 1 then
                redis.call('INCR', key)
                moved = moved + 1
              else
                redis.call('SREM', KEYS[1], id)
              end
            end
            return moved""";

    private final ReactiveRedisDataSource redis;
    private final BasketConfig.Redis config;
    /** True while generations may lag behind changes that happened: from start until the first repair. */
    private final AtomicBoolean repairNeeded = new AtomicBoolean(true);

    private final AtomicBoolean repairing = new AtomicBoolean();

    public AnswerGenerations(ReactiveRedisDataSource redis, BasketConfig config) {
        this.redis = redis;
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
        return ensureThen("GET", basketId).map(String::valueOf);
    }

    /**
     * Registers {@code basketId} as computed from the history of {@code symbols}; must complete before that history is
     * read. False when Redis did not take it (then nothing computed from that history may be cached).
     */
    public Uni<Boolean> dependOn(String basketId, Collection<String> symbols) {
        if (symbols.isEmpty()) {
            return Uni.createFrom().item(true);
        }
        List<String> keys = symbols.stream().map(this::dependentsKey).toList();
        return script(DEPEND_ON, keys, List.of(basketId))
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

    /**
     * Moves the generation of a basket that was just created or edited (creating a missing one). A new basket gets its
     * generation at once: a gateway that finds none caches nothing, so the answer after the first would be computed
     * again; and an answer cached for an earlier basket of the same id is never current for this one.
     */
    public Uni<Void> defined(String basketId) {
        return attempt(ensureThen("INCR", basketId).replaceWithVoid(), "defined " + basketId);
    }

    /** Forgets the generation of a basket that was just deleted (a missing generation is never a cache hit). */
    public Uni<Void> deleted(String basketId) {
        return attempt(forget(basketId), "deleted " + basketId);
    }

    /**
     * {@code definition}, the read of basket {@code basketId}; when it finds no such basket, the generation a lookup
     * created for the id goes (as for a deleted basket, a missing generation is never a hit), so that questions about
     * ids that name no basket leave no key behind. The failure passes on unchanged.
     */
    public <T> Uni<T> forgetIfUnknown(String basketId, Uni<T> definition) {
        return definition
                .onFailure(NotFoundException.class)
                .call(() -> forget(basketId)
                        .ifNoItem()
                        .after(config.timeout())
                        .fail()
                        .onFailure()
                        .recoverWithItem(failure -> {
                            LOG.debugf("cannot forget the generation of unknown basket %s: %s", basketId, failure);
                            return null;
                        }));
    }

    /** Deletes {@code basketId}'s generation and its member of the baskets set. */
    private Uni<Void> forget(String basketId) {
        return script(FORGET, List.of(key(basketId), basketsKey()), List.of(basketId))
                .replaceWithVoid();
    }

    /** Moves the generation of every basket computed from the history of {@code symbols}, which just changed. */
    public Uni<Void> historyChanged(Collection<String> symbols) {
        if (symbols.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Uni<Response> move = redis.execute(
                Command.EVAL,
                DependentGenerations.evalArguments(config.keyPrefix(), symbols).toArray(String[]::new));
        return attempt(move.replaceWithVoid(), "history of " + symbols);
    }

    /** Changes may have been missed (price stream entries lost unread): every generation moves at the next repair. */
    public void eventsMayBeLost() {
        repairNeeded.set(true);
    }

    /** Moves every generation if changes may have been missed; called whenever Redis is known to answer. */
    public Uni<Void> repairIfNeeded() {
        if (!repairNeeded.get() || !repairing.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        repairNeeded.set(false);
        return script(
                        MOVE_ALL,
                        List.of(basketsKey()),
                        List.of(
                                AnswerGenerationKeys.generationPrefix(config.keyPrefix()),
                                AnswerGenerationKeys.GENERATION_SUFFIX))
                .invoke(count -> LOG.debugf("moved %s answer generations", count))
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

    private Uni<Response> ensureThen(String command, String basketId) {
        return redis.execute(
                Command.EVAL,
                MissingGenerations.evalArguments(config.keyPrefix(), basketId, command)
                        .toArray(String[]::new));
    }

    /** Runs {@code lua} on {@code keys}, all of one hash slot (the generations' tag), with {@code args}. */
    private Uni<Response> script(String lua, List<String> keys, List<String> args) {
        List<String> command = new ArrayList<>(2 + keys.size() + args.size());
        command.add(lua);
        command.add(Integer.toString(keys.size()));
        command.addAll(keys);
        command.addAll(args);
        return redis.execute(Command.EVAL, command.toArray(String[]::new));
    }

    private String basketsKey() {
        return AnswerGenerationKeys.baskets(config.keyPrefix());
    }

    private String dependentsKey(String symbol) {
        return AnswerGenerationKeys.dependents(config.keyPrefix(), symbol);
    }
}
