package dev.capflow.grpc;

import io.grpc.Channel;
import io.grpc.stub.AbstractStub;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The client kit every capflow gRPC client is built on: the calls to one downstream service through {@code stub},
 * each with a fresh per-call deadline ({@link DownstreamPolicy}), behind one {@link DownstreamGuard} (reads retried on
 * UNAVAILABLE, writes never), on a channel that a {@link ChannelReResolver} keeps resolving again. The owning client
 * closes it when it goes away.
 */
public final class DownstreamCalls<S extends AbstractStub<S>> implements AutoCloseable {

    private final S stub;
    private final DownstreamPolicy policy;
    private final DownstreamGuard guard;
    private final ChannelReResolver reResolver;

    /**
     * {@code breaker} names the circuit breaker; {@code channel} is the (managed) channel under {@code stub}, which
     * is re-resolved every {@link DownstreamPolicy#reResolveInterval()}.
     */
    public DownstreamCalls(String breaker, S stub, Channel channel, DownstreamPolicy policy, Vertx vertx) {
        this.stub = stub;
        this.policy = policy;
        this.guard = new DownstreamGuard(breaker, policy);
        this.reResolver = new ChannelReResolver(vertx, channel, policy.reResolveInterval());
    }

    /** An idempotent call with the read deadline, retried on UNAVAILABLE (each attempt a new call). */
    public <T> Uni<T> read(Function<S, Uni<T>> call) {
        return read(policy.readDeadline(), call);
    }

    /** An idempotent call with its own {@code deadline} (e.g. a long stream), retried on UNAVAILABLE. */
    public <T> Uni<T> read(Duration deadline, Function<S, Uni<T>> call) {
        return guard.read(() -> call.apply(withDeadline(stub, deadline)));
    }

    /** A call that changes state, with the write deadline: never retried. */
    public <T> Uni<T> write(Function<S, Uni<T>> call) {
        return guard.write(() -> call.apply(withDeadline(stub, policy.writeDeadline())));
    }

    /** {@code stub} for one call that must end within {@code deadline} from now. */
    public static <S extends AbstractStub<S>> S withDeadline(S stub, Duration deadline) {
        return stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        reResolver.close();
    }
}
