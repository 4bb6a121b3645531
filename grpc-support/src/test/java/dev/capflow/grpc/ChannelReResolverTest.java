package dev.capflow.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.EquivalentAddressGroup;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import io.grpc.netty.NettyChannelBuilder;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
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
    private final IdleCountingChannel idled = new IdleCountingChannel(channel);

    @AfterEach
    void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void theChannelResolvesItsNameAgainAtEveryInterval() throws Exception {
        // made on a context of its own, so that its timer ticks run there and can be waited for
        Context context = vertx.getOrCreateContext();
        ChannelReResolver reResolver =
                onContext(context, () -> new ChannelReResolver(vertx, idled, Duration.ofMillis(50)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (resolutions.starts() < 4 && System.nanoTime() < deadline) {
            channel.getState(true); // a call would do the same: leave idle, hence resolve again
            Thread.sleep(20);
        }
        assertThat(resolutions.starts()).isGreaterThanOrEqualTo(4);

        reResolver.close();
        onContext(context, () -> null); // a tick already running when the timer was cancelled has ended
        int afterClose = idled.idled();
        Thread.sleep(300); // six intervals: a timer still running would idle the channel again meanwhile
        assertThat(idled.idled()).as("closed: no more re-resolution").isEqualTo(afterClose);
    }

    @Test
    void withoutAnIntervalTheNameIsResolvedOnce() throws InterruptedException {
        try (ChannelReResolver reResolver = new ChannelReResolver(vertx, idled, Duration.ZERO)) {
            for (int i = 0; i < 10; i++) {
                channel.getState(true);
                Thread.sleep(30);
            }
            assertThat(resolutions.starts()).isEqualTo(1);
            assertThat(idled.idled()).isZero();
        }
    }

    private static <T> T onContext(Context context, Supplier<T> action) throws Exception {
        CompletableFuture<T> done = new CompletableFuture<>();
        context.runOnContext(ignored -> done.complete(action.get()));
        return done.get(10, TimeUnit.SECONDS);
    }

    /** The channel, counting how often it is sent idle (each time, its next call resolves the name again). */
    private static final class IdleCountingChannel extends ManagedChannel {

        private final ManagedChannel channel;
        private final AtomicInteger idled = new AtomicInteger();

        IdleCountingChannel(ManagedChannel channel) {
            this.channel = channel;
        }

        int idled() {
            return idled.get();
        }

        @Override
        public void enterIdle() {
            idled.incrementAndGet();
            channel.enterIdle();
        }

        @Override
        public ManagedChannel shutdown() {
            return channel.shutdown();
        }

        @Override
        public boolean isShutdown() {
            return channel.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return channel.isTerminated();
        }

        @Override
        public ManagedChannel shutdownNow() {
            return channel.shutdownNow();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return channel.awaitTermination(timeout, unit);
        }

        @Override
        public <Q, A> ClientCall<Q, A> newCall(MethodDescriptor<Q, A> method, CallOptions options) {
            return channel.newCall(method, options);
        }

        @Override
        public String authority() {
            return channel.authority();
        }
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
