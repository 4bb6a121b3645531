package dev.capflow.grpc.errors;

import com.google.protobuf.Message;
import dev.capflow.validation.FieldViolation;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Refuses, with INVALID_ARGUMENT and a google.rpc.BadRequest naming each field, every request message that breaks the
 * {@link RequestContract}, before the service sees it; the rest of the call is then ignored.
 */
@ApplicationScoped
@GlobalInterceptor
public class RequestContractInterceptor implements ServerInterceptor {

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        ClosingCall<Q, A> closing = new ClosingCall<>(call);
        return new SimpleForwardingServerCallListener<>(next.startCall(closing, headers)) {
            @Override
            public void onMessage(Q message) {
                if (closing.closed) {
                    return;
                }
                List<FieldViolation> violations =
                        message instanceof Message request ? RequestContract.violations(request) : List.of();
                if (violations.isEmpty()) {
                    super.onMessage(message);
                    return;
                }
                StatusRuntimeException refused = GrpcStatuses.invalidArgument(
                        String.join(
                                "; ",
                                violations.stream()
                                        .map(v -> v.field() + ": " + v.description())
                                        .toList()),
                        violations,
                        FieldViolation::field,
                        FieldViolation::description);
                closing.close(refused.getStatus(), refused.getTrailers());
            }

            @Override
            public void onHalfClose() {
                if (!closing.closed) {
                    super.onHalfClose();
                }
            }
        };
    }

    /** Remembers that the call was closed, by this interceptor or by anything behind it. */
    private static final class ClosingCall<Q, A> extends SimpleForwardingServerCall<Q, A> {

        private volatile boolean closed;

        ClosingCall(ServerCall<Q, A> call) {
            super(call);
        }

        @Override
        public void close(Status status, Metadata trailers) {
            if (!closed) {
                closed = true;
                super.close(status, trailers);
            }
        }
    }
}
