package dev.capflow.grpc;

import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.util.TypeLiteral;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * Fault tolerance for the calls to one downstream service: a single circuit breaker shared by all
 * calls, and, for idempotent reads only, retries on UNAVAILABLE. Retries wrap the breaker so
 * every attempt is counted by it.
 */
public final class DownstreamGuard {

    private final Guard breaker;
    private final Guard retry;

    /** {@code name} names the circuit breaker, e.g. for {@code CircuitBreakerMaintenance}. */
    public DownstreamGuard(String name, DownstreamPolicy policy) {
        DownstreamPolicy.CircuitBreaker breakerPolicy = policy.circuitBreaker();
        this.breaker = Guard.create()
                .withDescription(name + " calls")
                .withCircuitBreaker()
                .name(name)
                .requestVolumeThreshold(breakerPolicy.requestVolumeThreshold())
                .failureRatio(breakerPolicy.failureRatio())
                .delay(breakerPolicy.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(breakerPolicy.successThreshold())
                .when(GrpcFailures::countsAgainstService)
                .done()
                .build();
        DownstreamPolicy.Retry retryPolicy = policy.retry();
        this.retry = Guard.create()
                .withDescription(name + " reads")
                .withRetry()
                .maxRetries(retryPolicy.maxRetries())
                .delay(retryPolicy.delay().toMillis(), ChronoUnit.MILLIS)
                .jitter(retryPolicy.jitter().toMillis(), ChronoUnit.MILLIS)
                .whenException(GrpcFailures::isUnavailable)
                .done()
                .build();
    }

    /** An idempotent call: retried on UNAVAILABLE; {@code call} must start a new call (with a fresh deadline) each time. */
    public <T> Uni<T> read(Supplier<Uni<T>> call) {
        return retry.get(() -> write(call), new TypeLiteral<Uni<T>>() {});
    }

    /** A call that changes state: never retried. */
    public <T> Uni<T> write(Supplier<Uni<T>> call) {
        return breaker.get(call, new TypeLiteral<Uni<T>>() {});
    }
}
