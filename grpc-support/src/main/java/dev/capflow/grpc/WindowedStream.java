package dev.capflow.grpc;

import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One client-streaming call whose server answers each request once it is done with it (ImportBars acknowledges every
 * committed chunk), driven from a blocking thread: a request is produced only while fewer than {@code inFlight} are
 * unanswered, so the source is read as fast as the server works and never held whole.
 */
public final class WindowedStream {

    private WindowedStream() {}

    /**
     * Sends every request {@code next} produces (null after the last) and returns once all are answered; a failed call
     * is thrown as its status, a failed source cancels the call and is thrown as it is.
     *
     * @param call opens the call, with its deadline, e.g. {@code stub.withDeadlineAfter(...)::importBars}
     * @param answered receives each answer, possibly on another thread
     */
    public static <Q, A> void run(
            Function<StreamObserver<A>, StreamObserver<Q>> call, Supplier<Q> next, Consumer<A> answered, int inFlight) {
        Semaphore window = new Semaphore(inFlight);
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<ClientCallStreamObserver<Q>> requests = new AtomicReference<>();
        call.apply(new ClientResponseObserver<Q, A>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<Q> stream) {
                requests.set(stream);
            }

            @Override
            public void onNext(A answer) {
                answered.accept(answer);
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
            Q request;
            while (failure.get() == null && acquire(window) && (request = next.get()) != null) {
                if (failure.get() == null) {
                    requests.get().onNext(request);
                }
            }
            if (failure.get() == null) {
                requests.get().onCompleted();
            }
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            requests.get().cancel("interrupted", e);
            throw Status.CANCELLED.withDescription("streaming call interrupted").asRuntimeException();
        } catch (RuntimeException e) {
            // the source failed (e.g. an unreadable body): nothing more is sent, what was answered stays done
            requests.get().cancel("the source of the requests failed", e);
            throw e;
        }
        Throwable failed = failure.get();
        if (failed != null) {
            // a StatusRuntimeException keeps its trailers (the BadRequest details) as the server sent them
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
