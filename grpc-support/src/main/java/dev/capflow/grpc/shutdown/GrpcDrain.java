package dev.capflow.grpc.shutdown;

import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Lets the gRPC calls in flight finish when the process shuts down. The separate grpc-java server stops with Vert.x,
 * which closes its connections without waiting, and Quarkus' shutdown timeout only waits for HTTP requests; so on
 * {@link ShutdownEvent} (after the shutdown delay, before Vert.x and the datasources close) this drain first ends every
 * open server stream (a subscription has no end of its own) with UNAVAILABLE, on which its client subscribes again
 * elsewhere, then waits for the other calls (unary, client and bidirectional streams) to finish, at most
 * {@link GrpcDrainConfig#timeout()}. Calls that arrive meanwhile are served: readiness is DOWN since the delay, so
 * few come, and refusing them would fail writes that a replica could still complete.
 */
@ApplicationScoped
@GlobalInterceptor
public class GrpcDrain implements ServerInterceptor {

    static final Status SHUTTING_DOWN = Status.UNAVAILABLE.withDescription(
            "the server is shutting down: call again" + " (another replica answers)");

    private static final Logger LOG = Logger.getLogger(GrpcDrain.class);

    private final Set<DrainedCall<?, ?>> inFlight = ConcurrentHashMap.newKeySet();
    private final GrpcDrainConfig config;

    public GrpcDrain(GrpcDrainConfig config) {
        this.config = config;
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        DrainedCall<Q, A> drained = new DrainedCall<>(call);
        inFlight.add(drained);
        try {
            return new SimpleForwardingServerCallListener<>(next.startCall(drained, headers)) {
                @Override
                public void onComplete() {
                    finished(drained);
                    super.onComplete();
                }

                @Override
                public void onCancel() {
                    finished(drained);
                    super.onCancel();
                }
            };
        } catch (RuntimeException e) {
            finished(drained);
            throw e;
        }
    }

    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        drain(config.timeout());
    }

    /** Ends the server streams, then waits up to {@code timeout} for the other calls; true when none is left. */
    public boolean drain(Duration timeout) {
        List<DrainedCall<?, ?>> streams =
                inFlight.stream().filter(DrainedCall::isServerStream).toList();
        streams.forEach(stream -> stream.close(SHUTTING_DOWN, new Metadata()));
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (!otherCallsDone() && System.nanoTime() < deadline) {
                try {
                    wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        boolean done = otherCallsDone();
        if (!done) {
            LOG.warnf(
                    "gRPC shutdown: %d calls still in flight after %s; the server stops now", inFlight.size(), timeout);
        } else if (!streams.isEmpty()) {
            LOG.infof("gRPC shutdown: ended %d server streams; every other call finished", streams.size());
        }
        return done;
    }

    /** The calls started and not yet finished (a test's view). */
    int inFlight() {
        return inFlight.size();
    }

    private boolean otherCallsDone() {
        return inFlight.stream().allMatch(DrainedCall::isServerStream);
    }

    private void finished(DrainedCall<?, ?> call) {
        inFlight.remove(call);
        synchronized (this) {
            notifyAll();
        }
    }
}
