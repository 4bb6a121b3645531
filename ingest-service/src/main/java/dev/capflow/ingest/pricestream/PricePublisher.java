package dev.capflow.ingest.pricestream;

import dev.capflow.ingest.cache.PriceCodec;
import dev.capflow.ingest.config.IngestConfig;
import dev.capflow.ingest.domain.DailyBar;
import dev.capflow.ingest.domain.HistoryChange;
import dev.capflow.ingest.domain.LatestPrice;
import dev.capflow.ingest.domain.Tick;
import dev.capflow.ingest.metrics.IngestMetrics;
import dev.capflow.redis.PriceStreamEntries;
import dev.capflow.redis.PriceStreamEntries.StreamTick;
import dev.capflow.redis.RedisTopology;
import dev.capflow.redis.TickAppends;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes committed prices to Redis, best effort and fire-and-forget: pipelined round trips update the latest-price
 * hash (only forward in time) and append the new ticks ({@link TickAppends}: one packed entry per shard and batch, per
 * 100 ticks of it) to the price stream shard of their symbol. It also appends the change entries that the
 * {@link ChangeRelay} takes from the outbox, and reports to it whether Redis took them (a change naming symbols of
 * several shards goes to each of those shards, naming its own symbols). Pipelines of at most 500 commands: on a single
 * Redis one sequence of them per publish, on a Redis Cluster one per key, the keys' at once ({@link RedisPipelines}). A
 * failure is counted and logged, never reported to the ingest caller; it leaves the hash possibly stale until {@link
 * #resync} rewrites it from PostgreSQL.
 */
@ApplicationScoped
public class PricePublisher {

    private static final Logger LOG = Logger.getLogger(PricePublisher.class);
    /** Commands per pipelined round trip: the Vert.x client refuses a pipeline longer than its waiting queue (2048). */
    private static final int PIPELINE_LENGTH = 500;

    /**
     * KEYS[1] = hash; ARGV = (symbol, ts millis, value, correction flag) quadruples: a field moves forward in time, and a
     * flagged daily close also replaces the cached daily close of the same session (never a tick).
     */
    private static final String UPDATE_IF_NEWER = """
            local updated = 0
            for i = 1, #ARGV, 4 do
              local current = redis.call('HGET', KEYS[1], ARGV[i])
              local currentTs = nil
              local currentSource = nil
              if current then
                local ok, decoded = pcall(cjson.decode, current)
                if ok and type(decoded) == 'table' then
                  currentTs = tonumber(decoded.ts)
                  currentSource = decoded.source
                end
              end
              local ts = tonumber(ARGV[i + 1])
              if currentTs == nil or currentTs < ts
                  or (ARGV[i + 3] == '1' and currentTs == ts and currentSource == 'DAILY_CLOSE') then
                redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 2])
                updated = updated + 1
              end
            end
            return updated""";

    private final Redis redis;
    private final IngestConfig.Redis config;
    private final PriceStreamEntries.Shards shards;
    private final InstanceId instanceId;
    private final IngestMetrics metrics;
    private final RedisPipelines pipelines;
    private final TickPublishingLoop tickLoop;
    private final AtomicBoolean failing = new AtomicBoolean();
    /**
     * Publishes that may be missing from the hash; 1 at start, because the process before this one may have stopped
     * between a commit and its publish.
     */
    private final AtomicLong missed = new AtomicLong(1);
    /** The value of {@link #missed} that the last successful resync started from: every miss up to it is repaired. */
    private final AtomicLong repaired = new AtomicLong();

    public PricePublisher(
            Redis redis,
            IngestConfig config,
            InstanceId instanceId,
            IngestMetrics metrics,
            TickPublishingLoop tickLoop,
            @ConfigProperty(name = "quarkus.redis.client-type", defaultValue = "standalone") String clientType) {
        this.redis = redis;
        this.tickLoop = tickLoop;
        this.pipelines = new RedisPipelines(RedisTopology.ofClientType(clientType));
        this.config = config.redis();
        this.shards = config.redis().streamShardKeys();
        this.instanceId = instanceId;
        this.metrics = metrics;
    }

    /**
     * Latest prices from every valid tick; the newly stored ticks appended as packed stream entries, one per shard (per
     * hundred ticks of a shard), in the order of {@code stored}; encoded and sent on the
     * {@link TickPublishingLoop}, so that the caller's event loop goes on with the next batch at once.
     */
    public void publishTicks(List<Tick> stored, List<Tick> valid) {
        tickLoop.run(tickRedis -> send(tickRequests(stored, valid), tickRedis));
    }

    private Map<String, List<Request>> tickRequests(List<Tick> stored, List<Tick> valid) {
        Map<String, List<Request>> requests = new LinkedHashMap<>();
        latestUpdate(LatestPrice.ofNewestTicks(valid), requests);
        Map<String, String> keyOfSymbol = new HashMap<>();
        Map<String, List<StreamTick>> byShard = new LinkedHashMap<>();
        for (Tick tick : stored) {
            String key = keyOfSymbol.computeIfAbsent(tick.symbol(), shards::keyFor);
            byShard.computeIfAbsent(key, ignored -> new ArrayList<>()).add(PriceCodec.streamTick(tick));
        }
        byShard.forEach((key, ticks) -> requests.computeIfAbsent(key, ignored -> new ArrayList<>())
                .addAll(TickAppends.requests(key, config.streamMaxLen(), instanceId.value(), ticks)));
        return requests;
    }

    /**
     * Latest prices from the closes of every valid bar (their change entries go through the {@link ChangeRelay}). The
     * bars of a correction also replace their sessions' cached closes: each was stored as sent (replacing, new or
     * already equal), while an insert's bar may be a duplicate the store kept its earlier version of.
     */
    public void publishBars(List<DailyBar> valid, boolean correction) {
        Map<String, List<Request>> requests = new LinkedHashMap<>();
        latestUpdate(
                valid.stream()
                        .map(bar -> LatestPrice.ofDailyClose(bar.symbol(), bar.date(), bar.close()))
                        .toList(),
                correction,
                requests);
        send(requests, redis);
    }

    /**
     * Appends one change entry per change and shard its symbols go to, naming that shard's symbols, in the order of
     * {@code changes} per shard; fails when Redis did not take them all within the publish timeout.
     */
    public Uni<Void> appendChanges(List<HistoryChange> changes) {
        Map<String, List<Request>> requests = new LinkedHashMap<>();
        changes.forEach(change -> changeEntries(change.kind(), change.symbols(), requests));
        return pipelined(requests, redis)
                .ifNoItem()
                .after(config.publishTimeout())
                .fail();
    }

    /** Refills the latest-price hash with prices read from PostgreSQL. */
    public void cacheLatest(Collection<LatestPrice> prices) {
        Map<String, List<Request>> requests = new LinkedHashMap<>();
        latestUpdate(prices, requests);
        send(requests, redis);
    }

    /** True while the latest-price hash may lack a stored price: from start, and after a failed publish, until a resync. */
    public boolean latestMayBeStale() {
        return missed.get() > repaired.get();
    }

    /** Taken before reading the prices for {@link #resync} from PostgreSQL. */
    public long resyncMark() {
        return missed.get();
    }

    /**
     * Rewrites the hash (forward only) from {@code prices}, read from PostgreSQL after {@code mark} was taken; once
     * Redis has them, the misses up to the mark are repaired. Fails after the read timeout, as a reader waits for it.
     */
    public Uni<Void> resync(Collection<LatestPrice> prices, long mark) {
        Map<String, List<Request>> requests = new LinkedHashMap<>();
        latestUpdate(prices, requests);
        return pipelined(requests, redis)
                .ifNoItem()
                .after(config.readTimeout())
                .fail()
                .invoke(() -> repaired.accumulateAndGet(mark, Math::max));
    }

    /** One change entry of {@code kind} per shard that {@code symbols} go to, naming that shard's symbols. */
    private void changeEntries(String kind, Collection<String> symbols, Map<String, List<Request>> requests) {
        shards.bySymbolKey(new LinkedHashSet<>(symbols))
                .forEach((key, shardSymbols) ->
                        xadd(key, PriceStreamEntries.change(kind, shardSymbols, instanceId.value()), requests));
    }

    /** Appends an entry of {@code fields} to shard stream {@code key}, trimming it to about its maximum length. */
    private void xadd(String key, Map<String, String> fields, Map<String, List<Request>> requests) {
        Request xadd = Request.cmd(Command.XADD)
                .arg(key)
                .arg("MAXLEN")
                .arg("~")
                .arg(config.streamMaxLen())
                .arg("*");
        fields.forEach((field, value) -> xadd.arg(field).arg(value));
        requests.computeIfAbsent(key, ignored -> new ArrayList<>()).add(xadd);
    }

    private void latestUpdate(Collection<LatestPrice> prices, Map<String, List<Request>> requests) {
        latestUpdate(prices, false, requests);
    }

    private void latestUpdate(Collection<LatestPrice> prices, boolean correction, Map<String, List<Request>> requests) {
        Map<String, LatestPrice> newest = new LinkedHashMap<>();
        prices.forEach(price -> newest.merge(price.symbol(), price, LatestPrice::newest));
        if (newest.isEmpty()) {
            return;
        }
        Request eval = Request.cmd(Command.EVAL).arg(UPDATE_IF_NEWER).arg(1).arg(config.latestKey());
        newest.values()
                .forEach(price -> eval.arg(price.symbol())
                        .arg(price.ts().toEpochMilli())
                        .arg(PriceCodec.encodeLatest(price))
                        .arg(correction ? "1" : "0"));
        requests.computeIfAbsent(config.latestKey(), ignored -> new ArrayList<>())
                .add(eval);
    }

    private void send(Map<String, List<Request>> requests, Redis client) {
        if (requests.isEmpty()) {
            return;
        }
        pipelined(requests, client)
                .ifNoItem()
                .after(config.publishTimeout())
                .fail()
                .subscribe()
                .with(
                        ignored -> {
                            if (failing.compareAndSet(true, false)) {
                                LOG.info("Redis publishing works again");
                            }
                        },
                        failure -> {
                            missed.incrementAndGet();
                            metrics.redisPublishFailure();
                            if (failing.compareAndSet(false, true)) {
                                LOG.warnf(
                                        "Redis publish failed (prices are stored; cache and stream lag until Redis answers): %s",
                                        failure.toString());
                            } else {
                                LOG.debugf("Redis publish failed again: %s", failure);
                            }
                        });
    }

    /** Sends each key's requests in order, in pipelined round trips of at most {@link #PIPELINE_LENGTH} commands. */
    private Uni<Void> pipelined(Map<String, List<Request>> requests, Redis client) {
        List<List<Request>> sequences = pipelines.sequences(requests);
        if (sequences.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join()
                .all(sequences.stream()
                        .map(sequence -> pipelinedInOrder(sequence, client))
                        .toList())
                .andCollectFailures()
                .replaceWithVoid();
    }

    private Uni<Void> pipelinedInOrder(List<Request> requests, Redis client) {
        List<List<Request>> pipelines = new ArrayList<>();
        for (int start = 0; start < requests.size(); start += PIPELINE_LENGTH) {
            pipelines.add(requests.subList(start, Math.min(requests.size(), start + PIPELINE_LENGTH)));
        }
        return Multi.createFrom()
                .iterable(pipelines)
                .onItem()
                .transformToUniAndConcatenate(client::batch)
                .collect()
                .last()
                .replaceWithVoid();
    }
}
