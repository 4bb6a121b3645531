package dev.capflow.testsupport;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records the {@code authorization} metadata of every call a fake downstream server receives, so a test can check
 * whose token a service relayed: {@code builder.addService(ServerInterceptors.intercept(fake, seen))}.
 */
public final class SeenTokens implements ServerInterceptor {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    /** One received call: its full method name and its authorization value (empty when it carried none). */
    public record Seen(String method, Optional<String> authorization) {}

    private final List<Seen> calls = new CopyOnWriteArrayList<>();

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        calls.add(new Seen(
                call.getMethodDescriptor().getFullMethodName(), Optional.ofNullable(headers.get(AUTHORIZATION))));
        return next.startCall(call, headers);
    }

    /** Every call received since the last {@link #clear()}, in order. */
    public List<Seen> calls() {
        return List.copyOf(calls);
    }

    /** The authorization values of the calls of {@code fullMethodName} received since the last {@link #clear()}. */
    public List<Optional<String>> of(String fullMethodName) {
        return calls.stream()
                .filter(seen -> seen.method().equals(fullMethodName))
                .map(Seen::authorization)
                .toList();
    }

    public void clear() {
        calls.clear();
    }
}
