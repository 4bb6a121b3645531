package dev.capflow.testsupport;

import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.proto.ingest.v1.IngestTicksRequest;
import dev.capflow.proto.ingest.v1.IngestTicksResponse;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A tick producer that survives failures the way the ingest contract intends: it streams numbered
 * batches, keeps every batch until it is acknowledged, and after a broken stream opens a new one
 * and resends exactly the unacknowledged batches.
 */
public final class ResendingTickStreamer {

    private final Channel channel;
    private final int maxInFlight;
    private final Map<Long, IngestTicksResponse> acks = new ConcurrentHashMap<>();
    private final AtomicInteger streamsOpened = new AtomicInteger();
    private final List<Status> failures = new ArrayList<>();

    public ResendingTickStreamer(Channel channel, int maxInFlight) {
        this.channel = channel;
        this.maxInFlight = maxInFlight;
    }

    /** Sends every batch until all are acknowledged or {@code timeout} passes; returns the acknowledgements by sequence. */
    public Map<Long, IngestTicksResponse> sendAll(List<IngestTicksRequest> batches, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (acks.size() < batches.size()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("only " + acks.size() + " of " + batches.size()
                        + " batches acknowledged after " + timeout + "; failures: " + failures);
            }
            List<IngestTicksRequest> pending = batches.stream()
                    .filter(b -> !acks.containsKey(b.getSequence()))
                    .toList();
            Status failure = streamOnce(pending, Duration.between(Instant.now(), deadline));
            if (failure != null) {
                recordFailure(failure);
                Thread.sleep(500);
            }
        }
        return Map.copyOf(acks);
    }

    /**
     * Sends the batches (possibly endless) on a single stream and stops at its end or its first failure (then in
     * {@link #failures()}), without resending; returns every acknowledgement received.
     */
    public Map<Long, IngestTicksResponse> sendUntilFailure(Iterable<IngestTicksRequest> batches, Duration timeout)
            throws InterruptedException {
        Status failure = streamOnce(batches, timeout);
        if (failure != null) {
            recordFailure(failure);
        }
        return Map.copyOf(acks);
    }

    /** The sequences acknowledged so far; safe to call while another thread is sending. */
    public Set<Long> acknowledgedSequences() {
        return Set.copyOf(acks.keySet());
    }

    public int streamsOpened() {
        return streamsOpened.get();
    }

    public List<Status> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    private void recordFailure(Status failure) {
        synchronized (failures) {
            failures.add(failure);
        }
    }

    /** Opens one stream for {@code pending}; returns null when it completed, else the status that broke it. */
    private Status streamOnce(Iterable<IngestTicksRequest> pending, Duration timeout) throws InterruptedException {
        streamsOpened.incrementAndGet();
        Semaphore window = new Semaphore(maxInFlight);
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<Status> failure = new AtomicReference<>();
        AtomicReference<ClientCallStreamObserver<IngestTicksRequest>> requests = new AtomicReference<>();

        IngestServiceGrpc.newStub(channel)
                .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .ingestTicks(new ClientResponseObserver<IngestTicksRequest, IngestTicksResponse>() {
                    @Override
                    public void beforeStart(ClientCallStreamObserver<IngestTicksRequest> stream) {
                        requests.set(stream);
                    }

                    @Override
                    public void onNext(IngestTicksResponse ack) {
                        acks.put(ack.getSequence(), ack);
                        window.release();
                    }

                    @Override
                    public void onError(Throwable t) {
                        failure.set(Status.fromThrowable(t));
                        window.release(maxInFlight);
                        closed.countDown();
                    }

                    @Override
                    public void onCompleted() {
                        closed.countDown();
                    }
                });

        for (IngestTicksRequest batch : pending) {
            window.acquire();
            if (failure.get() != null) {
                break;
            }
            requests.get().onNext(batch);
        }
        if (failure.get() == null) {
            window.acquire(maxInFlight);
            window.release(maxInFlight);
        }
        if (failure.get() == null) {
            requests.get().onCompleted();
        }
        closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return failure.get();
    }
}
