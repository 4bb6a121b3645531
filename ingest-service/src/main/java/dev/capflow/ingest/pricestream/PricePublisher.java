package dev.capflow.ingest.pricestream;

import dev.capflow.ingest.cache.PriceCodec;
import dev.capflow.ingest.config.IngestConfig;
import dev.capflow.ingest.domain.DailyBar;
import dev.capflow.ingest.domain.LatestPrice;
import dev.capflow.ingest.domain.Tick;
import dev.capflow.ingest.metrics.IngestMetrics;
import dev.capflow.redis.PriceStreamEntries;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Publishes committed prices to Redis, best effort and fire-and-forget: pipelined round trips (one
 * per 500 commands, so one for a usual batch) update the latest-price hash (only forward in time)
 * and append each new tick, and one change entry per batch of new bars or per new corporate action, to the price
 * stream. A batch's ticks are appended by one script call per stream key and per {@link #ENTRIES_PER_APPEND} ticks,
 * encoded on a publishing thread of their own, so the event loops go on decoding and storing the next batches.
 * A failure is counted and logged, never reported to
 * the ingest caller; it leaves the hash possibly stale until {@link #resync} rewrites it from PostgreSQL.
 */
@ApplicationScoped
public class PricePublisher {

    private static final Logger LOG = Logger.getLogger(PricePublisher.class);
    /** Commands per pipelined round trip: the Vert.x client refuses a pipeline longer than its waiting queue (2048). */
    private static final int PIPELINE_LENGTH = 500;

    /**
     * Ticks per script call: 1,000 XADDs keep Redis busy for about a millisecond, short enough not to hold up other
     * clients, long enough that a usual batch is a few calls.
     */
    private static final int ENTRIES_PER_APPEND = 1000;

    /**
     * KEYS[1] = stream; ARGV[1] = its approximate length cap (XADD MAXLEN ~); then each entry as its field count n
     * followed by n field/value pairs, as {@link PriceStreamEntries} wrote them.
     */
    private static final String APPEND_ENTRIES = """
            local i = 2
            while i <= #ARGV do
              local n = tonumber(ARGV[i])
              redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', unpack(ARGV, i + 1, i + 2 * n))
              i = i + 1 + 2 * n
            end
            return 0""";

    /** KEYS[1] = hash; ARGV = (symbol, ts millis, value) triples; a field only moves forward in time. */
    private static final String UPDATE_IF_NEWER = """
            local updated = 0
            for i = 1, #ARGV, 3 do
              local current = redis.call('HGET', KEYS[1], ARGV[i])
              local currentTs = nil
              if current then
                local ok, decoded = pcall(cjson.decode, current)
                if ok and type(decoded) == 'table' then currentTs = tonumber(decoded.ts) end
              end
              if currentTs == nil or currentTs < tonumber(ARGV[i + 1]) then
                redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 2])
                updated = updated + 1
              end
            end
            return updated""";

    private final Redis redis;
    private final IngestConfig.Redis config;
    private final InstanceId instanceId;
    private final IngestMetrics metrics;
    private final AtomicBoolean failing = new AtomicBoolean();
    /** One thread, so that batches are appended to the stream in the order they were committed. */
    private final ExecutorService tickPublishing = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "capflow-tick-publisher");
        thread.setDaemon(true);
        return thread;
    });
    /**
     * Publishes that may be missing from the hash; 1 at start, because the process before this one may have stopped
     * between a commit and its publish.
     */
    private final AtomicLong missed = new AtomicLong(1);
    /** The value of {@link #missed} that the last successful resync started from: every miss up to it is repaired. */
    private final AtomicLong repaired = new AtomicLong();

    public PricePublisher(Redis redis, IngestConfig config, InstanceId instanceId, IngestMetrics metrics) {
        this.redis = redis;
        this.config = config.redis();
        this.instanceId = instanceId;
        this.metrics = metrics;
    }

    /** Latest prices from every valid tick; a stream entry for each newly stored tick. Returns at once. */
    public void publishTicks(List<Tick> stored, List<Tick> valid) {
        tickPublishing.execute(() -> {
            List<Request> requests = new ArrayList<>();
            latestUpdate(valid.stream().map(LatestPrice::ofTick).toList(), requests);
            appendTicks(stored, requests);
            send(requests);
        });
    }

    @PreDestroy
    void stopPublishing() {
        tickPublishing.shutdown(); // what is queued still goes out
    }

    /**
     * Latest prices from the closes of every valid bar; when any bar was newly stored, a {@link PriceStreamEntries#BARS} entry
     * naming the symbols of the valid bars; when any replaced a stored version, a {@link PriceStreamEntries#BARS_REPLACED}
     * entry naming the corrected symbols.
     */
    public void publishBars(List<DailyBar> valid, boolean anyStored, List<String> replacedSymbols) {
        List<Request> requests = new ArrayList<>(2);
        latestUpdate(
                valid.stream()
                        .map(bar -> LatestPrice.ofDailyClose(bar.symbol(), bar.date(), bar.close()))
                        .toList(),
                requests);
        if (anyStored) {
            requests.add(changeEntry(
                    PriceStreamEntries.BARS,
                    valid.stream().map(DailyBar::symbol).toList()));
        }
        if (!replacedSymbols.isEmpty()) {
            requests.add(changeEntry(PriceStreamEntries.BARS_REPLACED, replacedSymbols));
        }
        send(requests);
    }

    /** A {@link PriceStreamEntries#CORPORATE_ACTION} entry for a newly recorded split or dividend of {@code symbol}. */
    public void publishCorporateAction(String symbol) {
        send(List.of(changeEntry(PriceStreamEntries.CORPORATE_ACTION, List.of(symbol))));
    }

    /** Refills the latest-price hash with prices read from PostgreSQL. */
    public void cacheLatest(Collection<LatestPrice> prices) {
        List<Request> requests = new ArrayList<>(1);
        latestUpdate(prices, requests);
        send(requests);
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
        List<Request> requests = new ArrayList<>(1);
        latestUpdate(prices, requests);
        return pipelined(requests)
                .ifNoItem()
                .after(config.readTimeout())
                .fail()
                .invoke(() -> repaired.accumulateAndGet(mark, Math::max));
    }

    private Request changeEntry(String kind, Collection<String> symbols) {
        return xadd(PriceStreamEntries.change(kind, new LinkedHashSet<>(symbols), instanceId.value()));
    }

    /** One {@link #APPEND_ENTRIES} call per stream key and per {@link #ENTRIES_PER_APPEND} ticks, in input order. */
    private void appendTicks(List<Tick> ticks, List<Request> requests) {
        Map<String, List<Tick>> byKey = new LinkedHashMap<>();
        ticks.forEach(tick -> byKey.computeIfAbsent(streamKey(tick.symbol()), key -> new ArrayList<>())
                .add(tick));
        byKey.forEach((key, keyTicks) -> {
            for (int start = 0; start < keyTicks.size(); start += ENTRIES_PER_APPEND) {
                Request append = Request.cmd(Command.EVAL)
                        .arg(APPEND_ENTRIES)
                        .arg(1)
                        .arg(key)
                        .arg(config.streamMaxLen());
                for (Tick tick : keyTicks.subList(start, Math.min(keyTicks.size(), start + ENTRIES_PER_APPEND))) {
                    Map<String, String> fields = PriceCodec.streamFields(tick, instanceId.value());
                    append.arg(fields.size());
                    fields.forEach((field, value) -> append.arg(field).arg(value));
                }
                requests.add(append);
            }
        });
    }

    /** The stream that {@code symbol}'s ticks go to (one stream today; a sharded stream picks it by symbol). */
    private String streamKey(String symbol) {
        return config.streamKey();
    }

    /** Appends an entry of {@code fields} to the price stream, trimming it to about its maximum length. */
    private Request xadd(Map<String, String> fields) {
        Request xadd = Request.cmd(Command.XADD)
                .arg(config.streamKey())
                .arg("MAXLEN")
                .arg("~")
                .arg(config.streamMaxLen())
                .arg("*");
        fields.forEach((field, value) -> xadd.arg(field).arg(value));
        return xadd;
    }

    private void latestUpdate(Collection<LatestPrice> prices, List<Request> requests) {
        Map<String, LatestPrice> newest = new LinkedHashMap<>();
        prices.forEach(price -> newest.merge(price.symbol(), price, LatestPrice::newest));
        if (newest.isEmpty()) {
            return;
        }
        Request eval = Request.cmd(Command.EVAL).arg(UPDATE_IF_NEWER).arg(1).arg(config.latestKey());
        newest.values()
                .forEach(price ->
                        eval.arg(price.symbol()).arg(price.ts().toEpochMilli()).arg(PriceCodec.encodeLatest(price)));
        requests.add(eval);
    }

    private void send(List<Request> requests) {
        if (requests.isEmpty()) {
            return;
        }
        pipelined(requests)
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

    /** Sends {@code requests} in order, in pipelined round trips of at most {@link #PIPELINE_LENGTH} commands. */
    private Uni<Void> pipelined(List<Request> requests) {
        List<List<Request>> pipelines = new ArrayList<>();
        for (int start = 0; start < requests.size(); start += PIPELINE_LENGTH) {
            pipelines.add(requests.subList(start, Math.min(requests.size(), start + PIPELINE_LENGTH)));
        }
        return Multi.createFrom()
                .iterable(pipelines)
                .onItem()
                .transformToUniAndConcatenate(redis::batch)
                .collect()
                .last()
                .replaceWithVoid();
    }
}
