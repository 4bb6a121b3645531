package dev.capflow.grpc.parsing;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.Status;
import java.io.InputStream;

/**
 * Parses each request of a call with the method's own marshaller before handing it to {@code next} (the service with
 * its interceptors); a request that does not parse closes the call with {@link MalformedRequests#refusal} and the
 * rest of the call is ignored. Requests arriving after the call was closed (e.g. by an interceptor refusing the
 * caller) are not parsed.
 */
final class ParsingHandler<Q, A> implements ServerCallHandler<InputStream, A> {

    private final MethodDescriptor<Q, A> method;
    private final ServerCallHandler<Q, A> next;

    ParsingHandler(MethodDescriptor<Q, A> method, ServerCallHandler<Q, A> next) {
        this.method = method;
        this.next = next;
    }

    @Override
    public ServerCall.Listener<InputStream> startCall(ServerCall<InputStream, A> call, Metadata headers) {
        TypedCall<Q, A> typed = new TypedCall<>(call, method);
        ServerCall.Listener<Q> listener = next.startCall(typed, headers);
        return new ServerCall.Listener<>() {
            // grpc-java calls a listener serially
            private boolean refused;

            @Override
            public void onMessage(InputStream message) {
                if (refused || typed.closed) {
                    return;
                }
                Q request;
                try {
                    request = method.parseRequest(message);
                } catch (RuntimeException unparsable) {
                    refused = true;
                    typed.close(MalformedRequests.refusal(method, unparsable), new Metadata());
                    return;
                }
                listener.onMessage(request);
            }

            @Override
            public void onHalfClose() {
                if (!refused) {
                    listener.onHalfClose();
                }
            }

            @Override
            public void onCancel() {
                listener.onCancel();
            }

            @Override
            public void onComplete() {
                listener.onComplete();
            }

            @Override
            public void onReady() {
                listener.onReady();
            }
        };
    }

    /** The call as the service sees it: its requests already parsed, its descriptor the method's own. */
    private static final class TypedCall<Q, A> extends SimpleForwardingServerCall<Q, A> {

        private final MethodDescriptor<Q, A> method;
        private volatile boolean closed;

        @SuppressWarnings("unchecked") // no ServerCall method takes a request: only the descriptor names its type
        TypedCall(ServerCall<InputStream, A> call, MethodDescriptor<Q, A> method) {
            super((ServerCall<Q, A>) (ServerCall<?, A>) call);
            this.method = method;
        }

        @Override
        public MethodDescriptor<Q, A> getMethodDescriptor() {
            return method;
        }

        @Override
        public void close(Status status, Metadata trailers) {
            closed = true;
            super.close(status, trailers);
        }
    }
}
