package dev.capflow.bench;

import com.google.protobuf.Timestamp;
import dev.capflow.proto.basket.v1.BasketServiceGrpc;
import dev.capflow.proto.basket.v1.WatchBasketRequest;
import dev.capflow.proto.basket.v1.WatchBasketResponse;
import dev.capflow.proto.ingest.v1.IngestTicksRequest;
import dev.capflow.proto.ingest.v1.IngestTicksResponse;
import dev.capflow.proto.ingest.v1.Tick;
import dev.capflow.testsupport.BearerChannels;
import dev.capflow.testsupport.ResendingTickStreamer;
import dev.capflow.testsupport.SyntheticPrices;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The live half of {@code bench/large-universe.sh}: watches B baskets over basket-service's {@code WatchBasket} stream
 * (basket k holds the k-th block of N/B synthetic symbols; the script creates them), streams T ticks round-robin over
 * the N symbols at R ticks/s through ingest-service's {@code IngestTicks}, each stamped with the time it is made, and
 * measures tick to level: the receipt of each level minus the timestamp of the newest tick in it. Nothing is lost
 * when every tick is acknowledged and stored, and every basket's last level carries the last tick sent to its members.
 */
public final class WatchedTickRun {

    private final int instruments;
    private final int baskets;
    private final int perBasket;
    /** Per basket: the timestamp (epoch ms) of the newest tick sent to a member, and of the newest level's tick. */
    private final AtomicLongArray lastSent;

    private final AtomicLongArray lastSeen;
    private final CountDownLatch firstLevels;
    private final AtomicReference<Throwable> watchFailure = new AtomicReference<>();
    private final long[] latencies;
    private int recorded;
    private volatile long measureFromMillis = Long.MAX_VALUE;

    private WatchedTickRun(int instruments, int baskets, int maxLevels) {
        this.instruments = instruments;
        this.baskets = baskets;
        this.perBasket = instruments / baskets;
        this.lastSent = new AtomicLongArray(baskets);
        this.lastSeen = new AtomicLongArray(baskets);
        this.firstLevels = new CountDownLatch(baskets);
        this.latencies = new long[maxLevels];
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BulkImportBenchmark.options(args);
        int instruments = Integer.parseInt(options.getOrDefault("instruments", "5000"));
        int baskets = Integer.parseInt(options.getOrDefault("baskets", "100"));
        int ticks = Integer.parseInt(options.getOrDefault("ticks", "1000000"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "10000"));
        int inFlight = Integer.parseInt(options.getOrDefault("in-flight", "8"));
        String prefix = options.getOrDefault("prefix", "watch-");
        String label = options.getOrDefault("label", "");
        String token = BulkImportBenchmark.required(options, "token");
        int perBatch = Math.max(1, rate / 100);
        if (instruments < perBatch || instruments < baskets) {
            throw new IllegalArgumentException("--instruments must be at least --rate/100 and --baskets, so that no"
                    + " symbol has two ticks in one batch and every basket has members");
        }
        Duration runTime = Duration.ofSeconds(ticks / rate).plusMinutes(10);
        // at most one level per basket per 10 ms: room for every level of the run
        WatchedTickRun run = new WatchedTickRun(instruments, baskets, (int) (runTime.toMillis() / 10 * baskets));

        ManagedChannel ingestChannel = channel(BulkImportBenchmark.required(options, "ingest"));
        ManagedChannel basketChannel = channel(BulkImportBenchmark.required(options, "basket"));
        try (Connection db = DriverManager.getConnection(
                BulkImportBenchmark.required(options, "jdbc"),
                options.getOrDefault("user", "postgres"),
                options.getOrDefault("password", ""))) {
            run.watch(BearerChannels.withToken(basketChannel, token), prefix, runTime);
            if (!run.firstLevels.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("not every basket sent its first level: " + run.watchFailure.get());
            }
            Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            run.measureFromMillis = start.toEpochMilli();
            ResendingTickStreamer streamer =
                    new ResendingTickStreamer(BearerChannels.withToken(ingestChannel, token), inFlight);
            Map<Long, IngestTicksResponse> acks = streamer.sendUntilFailure(run.paced(ticks, perBatch), runTime);
            Duration sending = Duration.between(start, Instant.now());
            long accepted = acks.values().stream()
                    .mapToLong(ack -> ack.getReport().getAccepted())
                    .sum();
            int settled = run.awaitLastLevels(Duration.ofSeconds(60));
            long stored = storedTicks(db, start);
            run.print(label, ticks, rate, sending, accepted, stored, settled);
            if (!streamer.failures().isEmpty() || accepted != ticks || stored != ticks || settled != baskets) {
                System.err.println("lost: " + streamer.failures() + ", accepted " + accepted + ", stored " + stored
                        + ", baskets at their last tick " + settled + " of " + baskets + "; watch "
                        + run.watchFailure.get());
                System.exit(1);
            }
        } finally {
            ingestChannel.shutdownNow();
            basketChannel.shutdownNow();
        }
        System.exit(0);
    }

    private static ManagedChannel channel(String target) {
        return NettyChannelBuilder.forTarget(target).usePlaintext().build();
    }

    /**
     * Opens one WatchBasket stream per basket, at most 8 starting at once (a start reads the basket's latest prices,
     * and a hundred at once exhaust ingest-service's connection pool); every level after the start of the ticks is
     * timed.
     */
    private void watch(Channel channel, String prefix, Duration runTime) throws InterruptedException {
        Semaphore starting = new Semaphore(8);
        for (int k = 0; k < baskets; k++) {
            int basket = k;
            AtomicBoolean started = new AtomicBoolean();
            starting.acquire();
            BasketServiceGrpc.newStub(channel)
                    .withDeadlineAfter(runTime.toMillis(), TimeUnit.MILLISECONDS)
                    .watchBasket(
                            WatchBasketRequest.newBuilder()
                                    .setBasketId(String.format(Locale.ROOT, "%s%03d", prefix, k))
                                    .build(),
                            new StreamObserver<>() {
                                @Override
                                public void onNext(WatchBasketResponse level) {
                                    level(basket, level);
                                    if (started.compareAndSet(false, true)) {
                                        starting.release();
                                    }
                                }

                                @Override
                                public void onError(Throwable t) {
                                    watchFailure.compareAndSet(null, t);
                                    if (started.compareAndSet(false, true)) {
                                        starting.release();
                                    }
                                }

                                @Override
                                public void onCompleted() {
                                    watchFailure.compareAndSet(
                                            null, new IllegalStateException("basket " + basket + "'s watch ended"));
                                }
                            });
        }
    }

    private void level(int basket, WatchBasketResponse level) {
        long received = System.currentTimeMillis();
        long ts = level.getTs().getSeconds() * 1000 + level.getTs().getNanos() / 1_000_000;
        lastSeen.accumulateAndGet(basket, ts, Math::max);
        firstLevels.countDown();
        if (ts >= measureFromMillis) {
            synchronized (latencies) {
                latencies[Math.min(recorded++, latencies.length - 1)] = received - ts;
            }
        }
    }

    /** The ticks as batches of {@code perBatch}, one every 10 ms, each tick stamped with the time its batch is made. */
    private Iterable<IngestTicksRequest> paced(int ticks, int perBatch) {
        long startNanos = System.nanoTime();
        return () -> new Iterator<>() {
            private long sent;

            @Override
            public boolean hasNext() {
                return sent < ticks;
            }

            @Override
            public IngestTicksRequest next() {
                long sequence = sent / perBatch;
                long due = startNanos + sequence * 10_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                Timestamp ts = Timestamp.newBuilder()
                        .setSeconds(now.getEpochSecond())
                        .setNanos(now.getNano())
                        .build();
                IngestTicksRequest.Builder batch =
                        IngestTicksRequest.newBuilder().setSequence(sequence);
                for (long end = Math.min(ticks, sent + perBatch); sent < end; sent++) {
                    int symbol = (int) (sent % instruments);
                    batch.addTicks(Tick.newBuilder()
                            .setSymbol(SyntheticPrices.symbol(symbol))
                            .setTs(ts)
                            .setPrice(10 + (sent % 1000) / 100.0)
                            .setSize(1 + sent % 500)
                            // its own identity: a producer catching up makes several batches in one millisecond,
                            // and a symbol's two ticks of one millisecond without it would be one tick (a resend)
                            .setSource("watched-tick-run")
                            .setTradeId(Long.toString(sent)));
                    if (symbol / perBasket < baskets) {
                        lastSent.accumulateAndGet(symbol / perBasket, now.toEpochMilli(), Math::max);
                    }
                }
                return batch.build();
            }
        };
    }

    /** Waits until every basket's last level carries its last tick; answers how many do. */
    private int awaitLastLevels(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        int settled;
        do {
            settled = 0;
            for (int k = 0; k < baskets; k++) {
                settled += lastSeen.get(k) == lastSent.get(k) ? 1 : 0;
            }
            if (settled == baskets) {
                return settled;
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(deadline));
        return settled;
    }

    private static long storedTicks(Connection db, Instant from) throws Exception {
        try (PreparedStatement count =
                db.prepareStatement("SELECT count(*) FROM ingest.tick WHERE ts >= ? AND symbol LIKE 'L%'")) {
            count.setObject(1, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void print(String label, int ticks, int rate, Duration sending, long accepted, long stored, int settled) {
        long[] sorted;
        synchronized (latencies) {
            sorted = Arrays.copyOf(latencies, Math.min(recorded, latencies.length));
        }
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "| %s%,d ticks at %,d/s asked (%,.0f/s sent) over %,d symbols, %d baskets watched | %,d levels | p50 %d ms"
                        + " | p99 %d ms | max %d ms | acknowledged %,d, stored %,d, baskets at their last tick %d of %d"
                        + " |%n",
                label,
                ticks,
                rate,
                ticks / BulkImportBenchmark.seconds(sending),
                instruments,
                baskets,
                sorted.length,
                SseFanout.pct(sorted, 0.50),
                SseFanout.pct(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1],
                accepted,
                stored,
                settled,
                baskets);
    }
}
