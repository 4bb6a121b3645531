package dev.capflow.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.EquivalentAddressGroup;
import io.grpc.ManagedChannel;
import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import io.grpc.netty.NettyChannelBuilder;
import io.vertx.core.Vertx;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The re-resolver makes a real grpc-java channel resolve its target again and again, and stops when closed. */
class ChannelReResolverTest {

    private final Vertx vertx = Vertx.vertx();
    private final CountingResolverProvider resolutions = new CountingResolverProvider();
    private final ManagedChannel channel = NettyChannelBuilder.forTarget("counting:///somewhere")
            .nameResolverFactory(resolutions)
            .usePlaintext()
            .build();

    @AfterEach
    void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void theChannelResolvesItsNameAgainAtEveryInterval() throws InterruptedException {
        try (ChannelReResolver reResolver = new ChannelReResolver(vertx, channel, Duration.ofMillis(50))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (resolutions.starts() < 4 && System.nanoTime() < deadline) {
                channel.getState(true); // a call would do the same: leave idle, hence resolve again
                Thread.sleep(20);
            }
            assertThat(resolutions.starts()).isGreaterThanOrEqualTo(4);
        }
        int afterClose = settle();
        Thread.sleep(300);
        channel.getState(true);
        assertThat(resolutions.starts()).as("closed: no more re-resolution").isEqualTo(afterClose);
    }

    @Test
    void withoutAnIntervalTheNameIsResolvedOnce() throws InterruptedException {
        try (ChannelReResolver reResolver = new ChannelReResolver(vertx, channel, Duration.ZERO)) {
            for (int i = 0; i < 10; i++) {
                channel.getState(true);
                Thread.sleep(30);
            }
            assertThat(resolutions.starts()).isEqualTo(1);
        }
    }

    /** Lets a re-resolution already triggered by the last timer tick happen, then answers the count. */
    private int settle() throws InterruptedException {
        channel.getState(true);
        Thread.sleep(100);
        channel.getState(true);
        return resolutions.starts();
    }

    /** Resolves {@code counting:///...} to a local address nothing listens on, counting how often a resolver starts. */
    private static final class CountingResolverProvider extends NameResolverProvider {

        private final AtomicInteger starts = new AtomicInteger();

        int starts() {
            return starts.get();
        }

        @Override
        public NameResolver newNameResolver(URI target, NameResolver.Args args) {
            return new NameResolver() {
                @Override
                public String getServiceAuthority() {
                    return "somewhere";
                }

                @Override
                public void start(Listener2 listener) {
                    starts.incrementAndGet();
                    listener.onResult(ResolutionResult.newBuilder()
                            .setAddresses(List.of(new EquivalentAddressGroup(new InetSocketAddress("127.0.0.1", 1))))
                            .build());
                }

                @Override
                public void shutdown() {
                    // nothing held
                }
            };
        }

        @Override
        public String getDefaultScheme() {
            return "counting";
        }

        @Override
        protected boolean isAvailable() {
            return true;
        }

        @Override
        protected int priority() {
            return 5;
        }
    }
}
