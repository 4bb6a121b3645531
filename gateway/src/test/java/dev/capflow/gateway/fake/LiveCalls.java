package dev.capflow.gateway.fake;

import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Server streams the fake keeps open for a test to drive: a call to a streaming method with no scripted answer waits
 * here, and the test takes it with {@link #next} and sends messages, fails or completes it when it chooses.
 */
public class LiveCalls {

    private final List<Opened> opened = new ArrayList<>();

    private record Opened(String method, Call<?, ?> call) {}

    /** One open server stream. */
    public static final class Call<Q, R> {
        private final Q request;
        private final ServerCallStreamObserver<R> observer;
        private volatile boolean cancelled;

        Call(Q request, ServerCallStreamObserver<R> observer) {
            this.request = request;
            this.observer = observer;
            observer.setOnCancelHandler(() -> cancelled = true);
        }

        public Q request() {
            return request;
        }

        /** Sends messages in order (synchronized: gRPC observers are not thread-safe). */
        @SafeVarargs
        public final synchronized void send(R... messages) {
            for (R message : messages) {
                observer.onNext(message);
            }
        }

        public synchronized void fail(Status status) {
            observer.onError(status.asRuntimeException());
        }

        public synchronized void complete() {
            observer.onCompleted();
        }

        /** True once the client cancelled the call (e.g. its last subscriber left). */
        public boolean isCancelled() {
            return cancelled;
        }
    }

    synchronized <Q, R> void open(MethodDescriptor<Q, R> method, Q request, StreamObserver<R> observer) {
        opened.add(new Opened(method.getFullMethodName(), new Call<>(request, (ServerCallStreamObserver<R>) observer)));
        notifyAll();
    }

    /** The next call of {@code method} whose request matches, opened and not yet taken, waiting up to {@code timeout}. */
    @SuppressWarnings("unchecked")
    public synchronized <Q, R> Call<Q, R> next(MethodDescriptor<Q, R> method, Predicate<Q> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                for (Opened candidate : opened) {
                    if (candidate.method().equals(method.getFullMethodName())
                            && matching.test((Q) candidate.call().request())) {
                        opened.remove(candidate);
                        return (Call<Q, R>) candidate.call();
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(
                            "no matching call of " + method.getBareMethodName() + " within " + timeout);
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Forgets the calls not yet taken. */
    synchronized void clear() {
        opened.clear();
    }
}
