package dev.capflow.testsupport;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Cancelled and timed-out calls must stay confined to their own HTTP/2 stream. On ONE plain grpc-java channel
 * (Netty, plaintext, one connection), {@link #run} keeps a server-reflection stream open and, round after round,
 * fires calls that hit a deadline of a few milliseconds or are cancelled mid-flight, each round followed by a
 * normal call and a reflection request on the open stream. The unified Vert.x gRPC server of Quarkus failed this
 * (quarkusio/quarkus#56268): it wrote the late answer to the reset stream, then closed the whole connection with
 * GOAWAY, and the normal calls and open streams on it failed with UNAVAILABLE.
 * <p>
 * A service test opens its own server stream (e.g. SubscribePrices) on {@link #channel()} before {@link #run} and
 * checks afterwards that it neither failed nor missed anything ({@link StreamRecorder}).
 */
public final class CancelledCallsCheck implements AutoCloseable {

    private static final long NORMAL_DEADLINE_SECONDS = 10;
    /** Deadlines short enough to expire while the server is still working on the call. */
    private static final long[] DOOMED_DEADLINES_MICROS = {500, 1_000, 3_000};

    private static final long CANCEL_AFTER_MICROS = 1_500;

    private final ManagedChannel connection;
    /** {@link #connection} with an admin bearer token on every call (the services check it, docs/decisions.md). */
    private final Channel channel;

    private CancelledCallsCheck(ManagedChannel connection) {
        this.connection = connection;
        this.channel = BearerChannels.admin(connection);
    }

    /** A plaintext Netty channel to {@code 127.0.0.1:port}: every call of the check shares its one connection. */
    public static CancelledCallsCheck on(int port) {
        return new CancelledCallsCheck(
                NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build());
    }

    /** {@link #on} the gRPC port of the running {@code @QuarkusTest} application ({@code quarkus.grpc.server.test-port=0}). */
    public static CancelledCallsCheck onTestServer() {
        return on(ConfigProvider.getConfig().getValue("quarkus.grpc.server.test-port", Integer.class));
    }

    /** The channel of the check (one connection, an admin token), for the service's own server stream and calls. */
    public Channel channel() {
        return channel;
    }

    /**
     * {@code rounds} rounds of: the doomed call with each short deadline and once cancelled, all at the same time,
     * then the normal call, then one request on an open reflection stream, then {@code eachRound} (e.g. one write
     * that the service's own open stream must deliver). Every call is a unary {@code method} call; {@code doomed}
     * should make the server work a few milliseconds (a database read), {@code normal} anything.
     */
    public <Q, R> Outcome run(int rounds, MethodDescriptor<Q, R> method, Q doomed, Q normal, Runnable eachRound)
            throws InterruptedException {
        StreamRecorder<ServerReflectionResponse> reflection = new StreamRecorder<>();
        StreamObserver<ServerReflectionRequest> reflectionRequests =
                ServerReflectionGrpc.newStub(channel).serverReflectionInfo(reflection);
        Map<Status.Code, Integer> doomedOutcomes = new EnumMap<>(Status.Code.class);
        List<String> normalFailures = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            fireDoomedCalls(method, doomed, doomedOutcomes);
            try {
                ClientCalls.blockingUnaryCall(
                        channel,
                        method,
                        CallOptions.DEFAULT.withDeadlineAfter(NORMAL_DEADLINE_SECONDS, TimeUnit.SECONDS),
                        normal);
            } catch (StatusRuntimeException e) {
                normalFailures.add("round " + round + ": " + e.getStatus());
            }
            reflectionRequests.onNext(
                    ServerReflectionRequest.newBuilder().setListServices("").build());
            eachRound.run();
        }
        boolean answered = reflection.awaitMessages(rounds, NORMAL_DEADLINE_SECONDS);
        reflectionRequests.onCompleted();
        boolean reflectionEnded = reflection.awaitEnd(NORMAL_DEADLINE_SECONDS);
        return new Outcome(
                rounds,
                normalFailures,
                doomedOutcomes,
                answered ? rounds : reflection.messages().size(),
                reflectionEnded
                        ? reflection.failure()
                        : Status.DEADLINE_EXCEEDED.withDescription("reflection stream open"));
    }

    private <Q, R> void fireDoomedCalls(MethodDescriptor<Q, R> method, Q request, Map<Status.Code, Integer> outcomes)
            throws InterruptedException {
        List<StreamRecorder<R>> calls = new ArrayList<>();
        for (long deadline : DOOMED_DEADLINES_MICROS) {
            StreamRecorder<R> recorder = new StreamRecorder<>();
            ClientCalls.asyncUnaryCall(
                    channel.newCall(method, CallOptions.DEFAULT.withDeadlineAfter(deadline, TimeUnit.MICROSECONDS)),
                    request,
                    recorder);
            calls.add(recorder);
        }
        StreamRecorder<R> cancelled = new StreamRecorder<>();
        ClientCall<Q, R> call = channel.newCall(method, CallOptions.DEFAULT);
        ClientCalls.asyncUnaryCall(call, request, cancelled);
        calls.add(cancelled);
        TimeUnit.MICROSECONDS.sleep(CANCEL_AFTER_MICROS);
        call.cancel("cancelled mid-flight by the test", null);
        for (StreamRecorder<R> recorder : calls) {
            recorder.awaitEnd(NORMAL_DEADLINE_SECONDS);
            Status.Code code = recorder.failure() == null
                    ? Status.Code.OK
                    : recorder.failure().getCode();
            outcomes.merge(code, 1, Integer::sum);
        }
    }

    /** The status of a call to {@code service/NoSuchMethod}, a method the service does not have. */
    public Status unknownMethodStatus(String service) {
        MethodDescriptor<byte[], byte[]> unknown = MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(service, "NoSuchMethod"))
                .setRequestMarshaller(RawBytes.INSTANCE)
                .setResponseMarshaller(RawBytes.INSTANCE)
                .build();
        try {
            ClientCalls.blockingUnaryCall(
                    channel,
                    unknown,
                    CallOptions.DEFAULT.withDeadlineAfter(NORMAL_DEADLINE_SECONDS, TimeUnit.SECONDS),
                    new byte[0]);
            return Status.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus();
        }
    }

    @Override
    public void close() throws InterruptedException {
        connection.shutdownNow();
        connection.awaitTermination(5, TimeUnit.SECONDS);
    }

    /**
     * What {@link #run} saw: every normal call's failure, how the doomed calls ended, and how many reflection
     * requests the open stream answered before it ended with {@code reflectionFailure} (null: completed normally).
     */
    public record Outcome(
            int rounds,
            List<String> normalFailures,
            Map<Status.Code, Integer> doomedOutcomes,
            int reflectionAnswers,
            Status reflectionFailure) {

        /** How many doomed calls ended as they were meant to: past their deadline or cancelled. */
        public int doomedCallsCut() {
            return doomedOutcomes.getOrDefault(Status.Code.DEADLINE_EXCEEDED, 0)
                    + doomedOutcomes.getOrDefault(Status.Code.CANCELLED, 0);
        }
    }

    /** Records a call's or stream's messages and how it ended. */
    public static final class StreamRecorder<T> implements StreamObserver<T> {

        private final List<T> messages = new ArrayList<>();
        private final CountDownLatch ended = new CountDownLatch(1);
        private volatile Status failure;

        @Override
        public void onNext(T message) {
            synchronized (messages) {
                messages.add(message);
                messages.notifyAll();
            }
        }

        @Override
        public void onError(Throwable error) {
            failure = Status.fromThrowable(error);
            ended.countDown();
        }

        @Override
        public void onCompleted() {
            ended.countDown();
        }

        /** A copy of the messages received so far. */
        public List<T> messages() {
            synchronized (messages) {
                return List.copyOf(messages);
            }
        }

        /** Waits until at least {@code count} messages arrived; false when the time ran out or the stream ended first. */
        public boolean awaitMessages(int count, long timeoutSeconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            synchronized (messages) {
                while (messages.size() < count) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || ended.getCount() == 0) {
                        return messages.size() >= count;
                    }
                    TimeUnit.NANOSECONDS.timedWait(messages, Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
                }
                return true;
            }
        }

        /** Waits for the end of the call or stream; false when it is still open after the timeout. */
        public boolean awaitEnd(long timeoutSeconds) throws InterruptedException {
            return ended.await(timeoutSeconds, TimeUnit.SECONDS);
        }

        /** Whether it has ended, normally or not. */
        public boolean hasEnded() {
            return ended.getCount() == 0;
        }

        /** How it failed, or null while open or after a normal end. */
        public Status failure() {
            return failure;
        }
    }
}
