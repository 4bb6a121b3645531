package dev.capflow.ingest.grpc;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.smallrye.mutiny.Multi;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Serves a Multi on a server-streaming call one item at a time, and only while the transport is
 * ready (HTTP/2 flow control), so that a slow client leaves its items in the Multi's own bounded
 * buffer instead of an unbounded transport queue. Quarkus 3.33's generated stubs subscribe with
 * unbounded demand (quarkusio/quarkus#46475), hence this bridge. Every interaction with the call
 * runs on the call's own Vert.x context (items may come from any thread), which is also what makes
 * the transport's readiness signals reliable. Cancellation by the client cancels the subscription.
 */
final class FlowControlledStream<T> implements Flow.Subscriber<T> {

    private final ServerCallStreamObserver<T> call;
    private final Context context;
    private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
    /** One item has been requested and not written yet; only touched on the call's context. */
    private boolean pending;

    private FlowControlledStream(ServerCallStreamObserver<T> call, Context context) {
        this.call = call;
        this.context = context;
    }

    /** Starts streaming; must be called from the gRPC handler (on the call's Vert.x context). */
    static <T> void serve(Multi<T> items, StreamObserver<T> observer) {
        ServerCallStreamObserver<T> call = (ServerCallStreamObserver<T>) observer;
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("a flow-controlled stream must start on a Vert.x context");
        }
        FlowControlledStream<T> stream = new FlowControlledStream<>(call, context);
        call.setOnReadyHandler(stream::requestIfReady);
        call.setOnCancelHandler(stream::cancel);
        items.subscribe().withSubscriber(stream);
    }

    @Override
    public void onSubscribe(Flow.Subscription upstream) {
        subscription.set(upstream);
        context.runOnContext(ignored -> requestIfReady());
    }

    @Override
    public void onNext(T item) {
        context.runOnContext(ignored -> {
            pending = false;
            if (!call.isCancelled()) {
                call.onNext(item);
                requestIfReady();
            }
        });
    }

    @Override
    public void onError(Throwable failure) {
        context.runOnContext(ignored -> call.onError(GrpcErrors.toStatus(failure)));
    }

    @Override
    public void onComplete() {
        context.runOnContext(ignored -> call.onCompleted());
    }

    private void requestIfReady() {
        Flow.Subscription upstream = subscription.get();
        if (upstream != null && !pending && call.isReady() && !call.isCancelled()) {
            pending = true;
            upstream.request(1);
        }
    }

    private void cancel() {
        Flow.Subscription upstream = subscription.get();
        if (upstream != null) {
            upstream.cancel();
        }
    }
}
