package dev.capflow.bench;

import dev.capflow.redis.PriceStreamEntries;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SSE fan-out load run (a second process on loopback): publishes RATE ticks/s straight into the Redis stream
 * the symbol's shard of capflow:prices:{n}, as ingest-service does, while SUBSCRIBERS clients read /api/v1/stream/prices
 * (FEED=prices) or the live level of BASKET, /api/v1/stream/baskets/BASKET (FEED=basket: ticks of its members move
 * basket-service's level), from the gateway; measures delivery latency (tick timestamp, the newest tick's for a level,
 * to receipt), checks that every subscriber received every event, and in the same run the latency of a trivial
 * endpoint probed at PROBE_RATE requests/s. Compiled by this module and run by bench/sse-fanout.sh (settings from the
 * environment).
 */
public class SseFanout {

    static final String BASE = env("BASE", "http://localhost:8080");
    static final String REDIS_HOST = env("REDIS_HOST", "127.0.0.1");
    static final int REDIS_PORT = Integer.parseInt(env("REDIS_PORT", "6379"));
    static final int REDIS_DB = Integer.parseInt(env("REDIS_DB", "0"));
    static final PriceStreamEntries.Shards STREAM = new PriceStreamEntries.Shards(
            env("STREAM_KEY", PriceStreamEntries.DEFAULT_KEY),
            Integer.parseInt(env("STREAM_SHARDS", PriceStreamEntries.DEFAULT_SHARDS)));
    static final int SUBSCRIBERS = Integer.parseInt(env("SUBSCRIBERS", "100"));
    static final int RATE = Integer.parseInt(env("RATE", "1000"));
    static final int WARMUP_S = Integer.parseInt(env("WARMUP", "5"));
    static final int MEASURE_S = Integer.parseInt(env("MEASURE", "20"));
    static final int PROBE_RATE = Integer.parseInt(env("PROBE_RATE", "50"));
    static final String TOKEN = System.getenv("TOKEN");
    static final boolean BASKET_FEED = env("FEED", "prices").equals("basket");
    static final String BASKET = env("BASKET", "team-google");
    /** The default basket feed moves every member of the demo's team-google. */
    static final String[] SYMBOLS = env(
                    "SYMBOLS",
                    BASKET_FEED ? "GOOGL,AVGO,CLS,LITE,TTMI" : "NVDA,GOOGL,AVGO,MSFT,ORCL,AMD,CRWV,CLS,LITE,TTMI")
            .split(",");

    static volatile boolean measuring;
    /** 1 while measuring: what a subscriber's count of recorded latencies advances by. */
    static volatile int measuringStep;

    static volatile boolean stopping;

    static volatile boolean publishing = true;

    /**
     * The subscribers' thread's CPU time while measuring (ns), so its cost per event is known: a reader that cannot
     * keep up leaves the events in its sockets' buffers and measures its own delay as the gateway's.
     */
    static volatile long readerCpuNanos;

    public static void main(String[] args) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String symbols = String.join(",", SYMBOLS);
        long[][] latencies = new long[SUBSCRIBERS][];
        int[] counts = new int[SUBSCRIBERS];
        long[] received = new long[SUBSCRIBERS];
        AtomicLong resets = new AtomicLong();
        CountDownLatch connected = new CountDownLatch(SUBSCRIBERS);
        for (int i = 0; i < SUBSCRIBERS; i++) {
            latencies[i] = new long[RATE * (MEASURE_S + 5)];
        }
        // the first client opens the shared stream (the gateway checks the symbols once): 100 checks at once may time
        // out on a busy machine and open the gateway's circuit breaker
        InputStream opener = openStream(http, symbols);
        Thread readers =
                new Thread(() -> readAll(symbols, latencies, counts, received, resets, connected), "subscribers");
        readers.setDaemon(true);
        readers.start();
        connected.await();
        opener.close();
        Thread.sleep(500);

        long[] published = new long[1];
        Thread publisher = new Thread(() -> publish(published), "publisher");
        publisher.setDaemon(true);
        publisher.start();
        List<Long> probe = new ArrayList<>();
        Thread prober = new Thread(() -> probe(http, probe), "probe");
        prober.setDaemon(true);
        prober.start();

        Thread.sleep(WARMUP_S * 1000L);
        long publishedBefore = published[0];
        measuring = true;
        measuringStep = 1;
        Thread.sleep(MEASURE_S * 1000L);
        measuring = false;
        measuringStep = 0;
        long publishedDuring = published[0] - publishedBefore;
        publishing = false;
        Thread.sleep(2000);
        stopping = true;

        long total = 0;
        for (int c : counts) {
            total += c;
        }
        long[] all = new long[(int) total];
        int at = 0;
        for (int i = 0; i < SUBSCRIBERS; i++) {
            System.arraycopy(latencies[i], 0, all, at, counts[i]);
            at += counts[i];
        }
        Arrays.sort(all);
        long[] probes;
        synchronized (probe) {
            probes = probe.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        System.out.printf(
                "published %d ticks in %d s (%.0f/s) to %d subscribers; delivered %d events (%.1f%% of %d "
                        + "expected); resets %d%n",
                publishedDuring,
                MEASURE_S,
                publishedDuring / (double) MEASURE_S,
                SUBSCRIBERS,
                total,
                100.0 * total / (publishedDuring * SUBSCRIBERS),
                publishedDuring * SUBSCRIBERS,
                resets.get());
        long fewest = Arrays.stream(received).min().orElse(0);
        long most = Arrays.stream(received).max().orElse(0);
        System.out.printf(
                "| SSE %s: %d ticks/s to %d subscribers (tick ts -> receipt) | %.0f events/s delivered; each "
                        + "subscriber %s events%s | %s | %s | %s |%n",
                BASKET_FEED ? "basket level of " + BASKET : "prices",
                RATE,
                SUBSCRIBERS,
                total / (double) MEASURE_S,
                fewest == most ? "got all " + most : "got " + fewest + " to " + most,
                resets.get() == 0 ? "" : ", " + resets.get() + " resets",
                ms(pct(all, 0.50)),
                ms(pct(all, 0.99)),
                ms(all.length == 0 ? 0 : all[all.length - 1]));
        System.out.printf(
                "subscribers' reading thread: %.1f µs of CPU per event received while measuring (%.0f%% of one core)%n",
                total == 0 ? 0 : readerCpuNanos / 1000.0 / total,
                100.0 * readerCpuNanos / (MEASURE_S * 1_000_000_000.0));
        System.out.printf(
                "| `/q/health/live` probed at %d requests/s during the fan-out | %d requests | %s | %s | %s |%n",
                PROBE_RATE,
                probes.length,
                ms(pct(probes, 0.50)),
                ms(pct(probes, 0.99)),
                ms(probes.length == 0 ? 0 : probes[probes.length - 1]));
        System.exit(0);
    }

    /** Opens one stream of the feed and answers its body once the gateway accepted it. */
    static InputStream openStream(HttpClient http, String symbols) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path(symbols)));
        if (TOKEN != null && !TOKEN.isBlank()) {
            request.header("Authorization", "Bearer " + TOKEN);
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IOException("opening " + path(symbols) + ": HTTP " + response.statusCode() + " "
                    + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    static String path(String symbols) {
        return BASKET_FEED ? "/api/v1/stream/baskets/" + BASKET : "/api/v1/stream/prices?symbols=" + symbols;
    }

    /**
     * Every subscriber on one selector thread, as a plain non-blocking HTTP/1.1 reader (like wrk), so that the
     * client's cost stays small next to the gateway's: each connection's chunked body is scanned line by line, and
     * while measuring (receipt - tick ts) is recorded in microseconds for each tick event.
     */
    static void readAll(
            String symbols,
            long[][] latencies,
            int[] counts,
            long[] received,
            AtomicLong resets,
            CountDownLatch connected) {
        URI base = URI.create(BASE);
        InetSocketAddress address = new InetSocketAddress(base.getHost(), base.getPort() < 0 ? 80 : base.getPort());
        String auth = TOKEN == null || TOKEN.isBlank() ? "" : "Authorization: Bearer " + TOKEN + "\r\n";
        byte[] request = ("GET " + path(symbols) + " HTTP/1.1\r\nHost: " + base.getHost()
                        + "\r\nAccept: text/event-stream\r\n" + auth + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < SUBSCRIBERS; i++) {
                SocketChannel channel = SocketChannel.open(address);
                channel.write(ByteBuffer.wrap(request));
                channel.configureBlocking(false);
                channel.register(selector, SelectionKey.OP_READ, new SseReader(i, latencies[i], resets, connected));
            }
            ByteBuffer block = ByteBuffer.allocate(1 << 16);
            ReaderCpu cpu = new ReaderCpu();
            while (!stopping) {
                cpu.sample();
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    SseReader reader = (SseReader) key.attachment();
                    block.clear();
                    int n = ((SocketChannel) key.channel()).read(block);
                    if (n < 0) {
                        throw new IOException("subscriber " + reader.index + ": the gateway closed the stream");
                    }
                    reader.feed(block.array(), n);
                    counts[reader.index] = reader.recorded;
                    received[reader.index] = reader.events;
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            if (!stopping) {
                System.err.println("subscribers failed: " + e);
                System.exit(1);
            }
        }
    }

    /** Adds this thread's CPU time to {@link #readerCpuNanos} while measuring. */
    static final class ReaderCpu {
        long last = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();

        void sample() {
            long now = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            if (measuring) {
                readerCpuNanos += now - last;
            }
            last = now;
        }
    }

    /** One subscriber's response: the status and headers, then a chunked text/event-stream body. */
    static final class SseReader {
        /** The data line of a tick event, or of a level event on the basket feed. */
        static final byte[] EVENT =
                (BASKET_FEED ? "data: {\"basketId\"" : "data: {\"symbol\"").getBytes(StandardCharsets.US_ASCII);

        static final byte[] RESET = "event: reset".getBytes(StandardCharsets.US_ASCII);

        /** What precedes the event's timestamp in its data line. */
        static final byte[] TS = "\"ts\":\"".getBytes(StandardCharsets.US_ASCII);

        final int index;
        final long[] latencies;
        final AtomicLong resets;
        final CountDownLatch connected;
        final StringBuilder head = new StringBuilder();
        byte[] line = new byte[1024];
        int lineLength;
        boolean inHead = true;
        boolean inSizeLine = true;
        long chunkSize;
        long chunkLeft;
        int recorded;
        long events;

        SseReader(int index, long[] latencies, AtomicLong resets, CountDownLatch connected) {
            this.index = index;
            this.latencies = latencies;
            this.resets = resets;
            this.connected = connected;
        }

        void feed(byte[] block, int n) {
            for (int i = 0; i < n; i++) {
                byte b = block[i];
                if (inHead) {
                    head.append((char) b);
                    if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
                        String status = head.substring(0, head.indexOf("\r\n"));
                        if (!status.contains(" 200 ")) {
                            System.err.println("subscriber " + index + ": " + status);
                            System.exit(1);
                        }
                        inHead = false;
                        connected.countDown();
                    }
                } else if (inSizeLine) {
                    // a chunk-size line (the CRLF closing the previous chunk reads as an empty one)
                    if (b == '\n') {
                        if (chunkSize > 0) {
                            chunkLeft = chunkSize;
                            chunkSize = 0;
                            inSizeLine = false;
                        }
                    } else if (Character.digit(b, 16) >= 0) {
                        chunkSize = chunkSize * 16 + Character.digit(b, 16);
                    }
                } else {
                    bodyByte(b);
                    inSizeLine = --chunkLeft == 0;
                }
            }
        }

        void bodyByte(byte b) {
            if (b != '\n') {
                if (lineLength == line.length) {
                    line = Arrays.copyOf(line, line.length * 2);
                }
                line[lineLength++] = b;
                return;
            }
            if (startsWith(RESET)) {
                resets.incrementAndGet();
            } else if (startsWith(EVENT)) {
                events++;
                Instant now = Instant.now();
                long received = now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
                long tick = IsoInstantBytes.epochMicros(line, indexAfter(TS));
                // every tick takes the same path, measured or not: a branch first taken when the measurement starts
                // would make the JIT deoptimize this method and stall every subscriber just then
                latencies[recorded] = received - tick;
                recorded = Math.min(recorded + measuringStep, latencies.length - 1);
            }
            lineLength = 0;
        }

        /** The index in the line just after the first {@code needle}. */
        int indexAfter(byte[] needle) {
            for (int i = 0; i + needle.length <= lineLength; i++) {
                if (Arrays.equals(line, i, i + needle.length, needle, 0, needle.length)) {
                    return i + needle.length;
                }
            }
            throw new IllegalStateException(
                    "subscriber " + index + ": no " + new String(needle, StandardCharsets.US_ASCII) + " in "
                            + new String(line, 0, lineLength, StandardCharsets.UTF_8));
        }

        boolean startsWith(byte[] prefix) {
            return lineLength >= prefix.length && Arrays.equals(line, 0, prefix.length, prefix, 0, prefix.length);
        }
    }

    /** XADD RATE entries per second, in pipelined batches every 10 ms, each stamped with the time it is sent. */
    static void publish(long[] published) {
        try (Socket redis = new Socket(REDIS_HOST, REDIS_PORT)) {
            redis.setTcpNoDelay(true);
            OutputStream out = redis.getOutputStream();
            Thread drain = new Thread(() -> {
                try {
                    redis.getInputStream().transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    // closed at exit
                }
            });
            drain.setDaemon(true);
            drain.start();
            if (REDIS_DB != 0) {
                out.write(resp("SELECT", Integer.toString(REDIS_DB)));
            }
            int perBatch = Math.max(1, RATE / 100);
            long next = System.nanoTime();
            long n = 0;
            while (publishing) {
                StringBuilder batch = new StringBuilder();
                for (int i = 0; i < perBatch; i++) {
                    String symbol = SYMBOLS[(int) (n % SYMBOLS.length)];
                    Instant now = Instant.now();
                    PriceStreamEntries.StreamTick tick =
                            new PriceStreamEntries.StreamTick(symbol, now, 100 + (n % 1000) / 100.0, 0, "", "");
                    List<String> args =
                            new ArrayList<>(List.of("XADD", STREAM.keyFor(symbol), "MAXLEN", "~", "100000", "*"));
                    // the packed form ingest-service writes, one tick an entry: each is stamped as it is sent
                    PriceStreamEntries.packed(List.of(tick), "bench").forEach((field, value) -> {
                        args.add(field);
                        args.add(value);
                    });
                    batch.append(new String(resp(args.toArray(String[]::new)), StandardCharsets.US_ASCII));
                    n++;
                }
                out.write(batch.toString().getBytes(StandardCharsets.US_ASCII));
                out.flush();
                published[0] = n;
                next += 10_000_000L;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            }
        } catch (IOException | InterruptedException e) {
            System.err.println("publisher failed: " + e);
            System.exit(1);
        }
    }

    /** Latency of the trivial endpoint, PROBE_RATE sequential requests per second, while measuring. */
    static void probe(HttpClient http, List<Long> micros) {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(BASE + "/q/health/live")).build();
        long period = 1_000_000_000L / PROBE_RATE;
        while (!stopping) {
            long started = System.nanoTime();
            try {
                http.send(request, HttpResponse.BodyHandlers.discarding());
            } catch (IOException | InterruptedException e) {
                continue;
            }
            long took = (System.nanoTime() - started) / 1000;
            if (measuring) {
                synchronized (micros) {
                    micros.add(took);
                }
            }
            long sleep = period - (System.nanoTime() - started);
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    static byte[] resp(String... parts) {
        StringBuilder command = new StringBuilder("*").append(parts.length).append("\r\n");
        for (String part : parts) {
            command.append('$')
                    .append(part.getBytes(StandardCharsets.UTF_8).length)
                    .append("\r\n")
                    .append(part)
                    .append("\r\n");
        }
        return command.toString().getBytes(StandardCharsets.UTF_8);
    }

    static long pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    static String ms(long micros) {
        return String.format("%.2f ms", micros / 1000.0);
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
