package dev.capflow.ingest.grpc;

import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.proto.ingest.v1.SubscribePricesRequest;
import dev.capflow.proto.ingest.v1.SubscribePricesResponse;
import dev.capflow.proto.ingest.v1.Tick;
import io.grpc.Channel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A SubscribePrices call through the plain grpc-java stub, which can pace its reads and really
 * cancels the call (the Quarkus Mutiny client stub does not cancel the call when its Multi is cancelled).
 */
final class PriceSubscription implements ClientResponseObserver<SubscribePricesRequest, SubscribePricesResponse> {

    private final List<Tick> received = new CopyOnWriteArrayList<>();
    private final List<SubscribePricesResponse> messages = new CopyOnWriteArrayList<>();
    private final AtomicReference<ClientCallStreamObserver<SubscribePricesRequest>> call = new AtomicReference<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final int initialRequest;

    private PriceSubscription(int initialRequest) {
        this.initialRequest = initialRequest;
    }

    /** Subscribes to {@code symbols}; {@code initialRequest} 0 reads nothing until {@link #request(int)}, -1 reads all. */
    static PriceSubscription start(Channel channel, int initialRequest, String... symbols) {
        PriceSubscription subscription = new PriceSubscription(initialRequest);
        IngestServiceGrpc.newStub(channel)
                .withDeadlineAfter(GrpcTestBase.DEADLINE_SECONDS, TimeUnit.SECONDS)
                .subscribePrices(
                        SubscribePricesRequest.newBuilder()
                                .addAllSymbols(List.of(symbols))
                                .build(),
                        subscription);
        return subscription;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<SubscribePricesRequest> stream) {
        if (initialRequest >= 0) {
            stream.disableAutoRequestWithInitial(initialRequest);
        }
        call.set(stream);
    }

    @Override
    public void onNext(SubscribePricesResponse response) {
        messages.add(response);
        if (response.hasTick()) {
            received.add(response.getTick());
        }
    }

    @Override
    public void onError(Throwable error) {
        // cancelled by the test, the deadline passed, or a failure a test asserts on
        failure.set(error);
    }

    @Override
    public void onCompleted() {}

    /** The ticks received, in order. */
    List<Tick> received() {
        return received;
    }

    /** Every message received, gap announcements included, in order. */
    List<SubscribePricesResponse> messages() {
        return messages;
    }

    /** How the call ended with an error, or null while it is open or after it completed. */
    Throwable failure() {
        return failure.get();
    }

    void request(int count) {
        call.get().request(count);
    }

    void cancel() {
        call.get().cancel("test done", null);
    }
}
