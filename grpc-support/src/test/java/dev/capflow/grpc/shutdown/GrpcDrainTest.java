package dev.capflow.grpc.shutdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The drain on a real grpc-java Netty server: a slow unary call in flight when shutdown starts is answered OK before
 * the drain ends, an open server stream ends at once with UNAVAILABLE, and a call that never ends only holds the drain
 * for its timeout.
 */
class GrpcDrainTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    private static final MethodDescriptor<String, String> SLOW = method("Slow", MethodDescriptor.MethodType.UNARY);
    private static final MethodDescriptor<String, String> WATCH =
            method("Watch", MethodDescriptor.MethodType.SERVER_STREAMING);

    private final CountDownLatch slowStarted = new CountDownLatch(1);
    private final CountDownLatch releaseSlow = new CountDownLatch(1);
    private final CountDownLatch watching = new CountDownLatch(1);
    private final GrpcDrain drain = new GrpcDrain(() -> LONG);
    private final Server server = start(drain);
    private final ManagedChannel channel = NettyChannelBuilder.forAddress(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getPort()))
            .usePlaintext()
            .build();

    @AfterEach
    void stop() throws InterruptedException {
        releaseSlow.countDown();
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void aSlowCallInFlightFinishesOkAndAnOpenStreamEndsWithUnavailable() throws Exception {
        CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> ClientCalls.blockingUnaryCall(
                channel, SLOW, CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS), "slow"));
        StreamEnd stream = new StreamEnd();
        ClientCalls.asyncServerStreamingCall(channel.newCall(WATCH, CallOptions.DEFAULT), "watch", stream);
        assertThat(slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(watching.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> drain.drain(LONG));

        Status ended = stream.status.get(10, TimeUnit.SECONDS);
        assertThat(ended.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(ended.getDescription()).contains("shutting down");
        assertThat(drained).as("the slow call is still in flight").isNotDone();
        assertThat(slow).isNotDone();

        releaseSlow.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("slow done");
        assertThat(drained.get(10, TimeUnit.SECONDS))
                .as("every call finished before the timeout")
                .isTrue();
        assertThat(drain.inFlight()).isZero();
    }

    @Test
    void aCallThatNeverEndsHoldsTheDrainOnlyForItsTimeout()
            throws InterruptedException, ExecutionException, TimeoutException {
        ClientCall<String, String> never = channel.newCall(SLOW, CallOptions.DEFAULT);
        ClientCalls.asyncUnaryCall(never, "never", new StreamEnd());
        assertThat(slowStarted.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(CompletableFuture.supplyAsync(() -> drain.drain(Duration.ofMillis(200)))
                        .get(10, TimeUnit.SECONDS))
                .as("a call was left")
                .isFalse();
        assertThat(drain.inFlight()).isEqualTo(1);
    }

    private Server start(GrpcDrain interceptor) {
        ServerServiceDefinition service = ServerServiceDefinition.builder("capflow.test.Drain")
                .addMethod(SLOW, ServerCalls.asyncUnaryCall((request, answer) -> {
                    slowStarted.countDown();
                    CompletableFuture.runAsync(() -> {
                        await(releaseSlow);
                        answer.onNext(request + " done");
                        answer.onCompleted();
                    });
                }))
                .addMethod(WATCH, ServerCalls.asyncServerStreamingCall((request, updates) -> {
                    updates.onNext("first");
                    watching.countDown();
                }))
                .build();
        try {
            return NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                    .addService(ServerInterceptors.intercept(service, interceptor))
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Records how a call ended. */
    private static final class StreamEnd implements StreamObserver<String> {
        final CompletableFuture<Status> status = new CompletableFuture<>();

        @Override
        public void onNext(String value) {}

        @Override
        public void onError(Throwable failure) {
            status.complete(Status.fromThrowable(failure));
        }

        @Override
        public void onCompleted() {
            status.complete(Status.OK);
        }
    }

    private static MethodDescriptor<String, String> method(String name, MethodDescriptor.MethodType type) {
        MethodDescriptor.Marshaller<String> text = new MethodDescriptor.Marshaller<>() {
            @Override
            public InputStream stream(String value) {
                return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public String parse(InputStream stream) {
                try {
                    return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        return MethodDescriptor.<String, String>newBuilder()
                .setType(type)
                .setFullMethodName(MethodDescriptor.generateFullMethodName("capflow.test.Drain", name))
                .setRequestMarshaller(text)
                .setResponseMarshaller(text)
                .build();
    }
}
