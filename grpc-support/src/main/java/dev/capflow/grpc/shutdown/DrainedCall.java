package dev.capflow.grpc.shutdown;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;

/**
 * A server call that the drain may close from another thread than the service's: every method goes through this
 * object's lock (a {@link ServerCall} is not thread-safe), and once closed, what the service still sends is dropped.
 */
final class DrainedCall<Q, A> extends SimpleForwardingServerCall<Q, A> {

    private boolean closed;

    DrainedCall(ServerCall<Q, A> call) {
        super(call);
    }

    boolean isServerStream() {
        return getMethodDescriptor().getType() == io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING;
    }

    @Override
    public synchronized void sendHeaders(Metadata headers) {
        if (!closed) {
            super.sendHeaders(headers);
        }
    }

    @Override
    public synchronized void sendMessage(A message) {
        if (!closed) {
            super.sendMessage(message);
        }
    }

    @Override
    public synchronized void request(int messages) {
        if (!closed) {
            super.request(messages);
        }
    }

    @Override
    public synchronized boolean isReady() {
        return !closed && super.isReady();
    }

    @Override
    public synchronized void close(Status status, Metadata trailers) {
        if (!closed) {
            closed = true;
            super.close(status, trailers);
        }
    }
}
