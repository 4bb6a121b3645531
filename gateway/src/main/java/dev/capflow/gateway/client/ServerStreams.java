package dev.capflow.gateway.client;

import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;
import io.smallrye.mutiny.Multi;
import java.util.function.BiConsumer;

/**
 * Server-streaming calls as a {@link Multi} whose cancellation cancels the gRPC call. The generated Mutiny stubs do
 * not (cancelling their Multi leaves the call open on the server), so open-ended streams go through the async stub.
 */
final class ServerStreams {

    private ServerStreams() {}

    static <Q, R> Multi<R> open(BiConsumer<Q, StreamObserver<R>> call, Q request) {
        return Multi.createFrom()
                .emitter(emitter -> call.accept(request, new ClientResponseObserver<Q, R>() {
                    @Override
                    public void beforeStart(ClientCallStreamObserver<Q> requestStream) {
                        emitter.onTermination(() -> requestStream.cancel("the subscriber left", null));
                    }

                    @Override
                    public void onNext(R value) {
                        emitter.emit(value);
                    }

                    @Override
                    public void onError(Throwable failure) {
                        // the CANCELLED that follows our own cancellation is no failure of the stream
                        if (!emitter.isCancelled()) {
                            emitter.fail(failure);
                        }
                    }

                    @Override
                    public void onCompleted() {
                        emitter.complete();
                    }
                }));
    }
}
