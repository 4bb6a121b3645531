package dev.capflow.gateway.client;

import dev.capflow.proto.ingest.v1.ImportBarsRequest;
import dev.capflow.proto.ingest.v1.ImportBarsResponse;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One ImportBars call driven from a worker thread: a chunk is produced only while fewer than {@code inFlight} are
 * unacknowledged, so the source is read as fast as ingest-service commits and never held whole.
 */
final class BulkImportStream {

    private BulkImportStream() {}

    /** Sends every chunk and returns once all are acknowledged; a failed stream is thrown as its status. */
    static void run(IngestServiceGrpc.IngestServiceStub stub, BulkChunks chunks, int inFlight, Duration deadline) {
        Semaphore window = new Semaphore(inFlight);
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<ClientCallStreamObserver<ImportBarsRequest>> requests = new AtomicReference<>();
        stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .importBars(new ClientResponseObserver<ImportBarsRequest, ImportBarsResponse>() {
                    @Override
                    public void beforeStart(ClientCallStreamObserver<ImportBarsRequest> stream) {
                        requests.set(stream);
                    }

                    @Override
                    public void onNext(ImportBarsResponse ack) {
                        chunks.acknowledged(ack);
                        window.release();
                    }

                    @Override
                    public void onError(Throwable t) {
                        failure.compareAndSet(null, t);
                        window.release(inFlight);
                        closed.countDown();
                    }

                    @Override
                    public void onCompleted() {
                        closed.countDown();
                    }
                });
        try {
            ImportBarsRequest chunk;
            while (failure.get() == null && acquire(window) && (chunk = chunks.next()) != null) {
                if (failure.get() == null) {
                    requests.get().onNext(chunk);
                }
            }
            if (failure.get() == null) {
                requests.get().onCompleted();
            }
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            requests.get().cancel("interrupted", e);
            throw Status.CANCELLED.withDescription("bulk import interrupted").asRuntimeException();
        } catch (RuntimeException e) {
            // the source failed (an unreadable body): nothing more is sent, what was acknowledged stays committed
            requests.get().cancel("the bulk source failed", e);
            throw e;
        }
        Throwable failed = failure.get();
        if (failed != null) {
            // a StatusRuntimeException keeps its trailers (the BadRequest details) as ingest-service sent them
            throw failed instanceof RuntimeException runtime
                    ? runtime
                    : Status.fromThrowable(failed).asRuntimeException();
        }
    }

    private static boolean acquire(Semaphore window) throws InterruptedException {
        window.acquire();
        return true;
    }
}
