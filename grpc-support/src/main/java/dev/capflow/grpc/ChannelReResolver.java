package dev.capflow.grpc;

import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Makes one downstream channel resolve its target again at a fixed interval by sending it idle:
 * calls in flight finish on their connections, the next calls resolve the DNS name afresh and
 * connect to every address found. With a headless Service that is every ready pod, so replicas added
 * by a scale-up join the round robin without waiting for a connection to break. ({@code enterIdle} is
 * marked experimental in grpc-java; GrpcRoundRobinIT in deploy-tests shows its effect.)
 */
public final class ChannelReResolver implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ChannelReResolver.class);

    private final Vertx vertx;
    private final long timer;

    /** Starts re-resolving {@code channel} every {@code interval}; a zero interval turns it off. */
    public ChannelReResolver(Vertx vertx, Channel channel, Duration interval) {
        this.vertx = vertx;
        boolean wanted = !interval.isZero() && !interval.isNegative();
        if (wanted && channel instanceof ManagedChannel managed) {
            this.timer = vertx.setPeriodic(interval.toMillis(), id -> managed.enterIdle());
        } else {
            if (wanted) {
                LOG.warnf(
                        "a %s cannot be re-resolved: replicas added later get no calls until a connection breaks",
                        channel.getClass().getName());
            }
            this.timer = -1;
        }
    }

    @Override
    public void close() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
