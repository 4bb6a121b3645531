package dev.capflow.grpc.errors;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Prioritized;

/**
 * Makes the message of every status a server answers printable ASCII ({@link PrintableMessages}). It runs outermost,
 * so it also sees the statuses other interceptors answer.
 */
@ApplicationScoped
@GlobalInterceptor
public class PrintableStatusInterceptor implements ServerInterceptor, Prioritized {

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        return next.startCall(
                new SimpleForwardingServerCall<>(call) {
                    @Override
                    public void close(Status status, Metadata trailers) {
                        String printable = PrintableMessages.of(status.getDescription());
                        super.close(
                                printable == null || printable.equals(status.getDescription())
                                        ? status
                                        : status.withDescription(printable),
                                trailers);
                    }
                },
                headers);
    }

    @Override
    public int getPriority() {
        // Quarkus calls global interceptors of higher priority first
        return Integer.MAX_VALUE;
    }
}
