package dev.capflow.gateway.fake;

import dev.capflow.proto.ingest.v1.AddCorporateActionRequest;
import dev.capflow.proto.ingest.v1.AddCorporateActionResponse;
import dev.capflow.proto.ingest.v1.DeleteCorporateActionRequest;
import dev.capflow.proto.ingest.v1.DeleteCorporateActionResponse;
import dev.capflow.proto.ingest.v1.GetBarsBatchRequest;
import dev.capflow.proto.ingest.v1.GetBarsBatchResponse;
import dev.capflow.proto.ingest.v1.GetBarsRequest;
import dev.capflow.proto.ingest.v1.GetBarsResponse;
import dev.capflow.proto.ingest.v1.GetLatestPricesRequest;
import dev.capflow.proto.ingest.v1.GetLatestPricesResponse;
import dev.capflow.proto.ingest.v1.GetMinuteBarsRequest;
import dev.capflow.proto.ingest.v1.GetMinuteBarsResponse;
import dev.capflow.proto.ingest.v1.GetTicksRequest;
import dev.capflow.proto.ingest.v1.GetTicksResponse;
import dev.capflow.proto.ingest.v1.ImportBarsRequest;
import dev.capflow.proto.ingest.v1.ImportBarsResponse;
import dev.capflow.proto.ingest.v1.ImportCsvRequest;
import dev.capflow.proto.ingest.v1.ImportCsvResponse;
import dev.capflow.proto.ingest.v1.IngestBarsRequest;
import dev.capflow.proto.ingest.v1.IngestBarsResponse;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.proto.ingest.v1.IngestTicksRequest;
import dev.capflow.proto.ingest.v1.IngestTicksResponse;
import dev.capflow.proto.ingest.v1.ListBarRevisionsRequest;
import dev.capflow.proto.ingest.v1.ListBarRevisionsResponse;
import dev.capflow.proto.ingest.v1.ListCorporateActionsRequest;
import dev.capflow.proto.ingest.v1.ListCorporateActionsResponse;
import dev.capflow.proto.ingest.v1.ListInstrumentsRequest;
import dev.capflow.proto.ingest.v1.ListInstrumentsResponse;
import dev.capflow.proto.ingest.v1.SubscribePricesRequest;
import dev.capflow.proto.ingest.v1.SubscribePricesResponse;
import dev.capflow.proto.ingest.v1.UpsertInstrumentRequest;
import dev.capflow.proto.ingest.v1.UpsertInstrumentResponse;
import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse;
import io.grpc.BindableService;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for ingest-service behind a real gRPC port: it records every request it receives
 * and plays the answers a test scripted for each method, in order. A method with no script left
 * fails with UNIMPLEMENTED, so an unexpected call shows up as a 502 in the test. Scripts are kept by
 * full method name, so {@link FakeBasketService} plays its scripts from here too.
 */
public class FakeIngestService extends IngestServiceGrpc.IngestServiceImplBase {

    private final Map<String, Deque<Answer<?>>> scripts = new ConcurrentHashMap<>();
    private final Map<String, List<Object>> received = new ConcurrentHashMap<>();
    private final Map<String, List<Optional<Duration>>> timeLeft = new ConcurrentHashMap<>();
    private final LiveCalls live = new LiveCalls();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fake-ingest-timer");
        thread.setDaemon(true);
        return thread;
    });

    /** Queues the answers to the next calls of {@code method}. */
    @SafeVarargs
    public final <R> void script(MethodDescriptor<?, R> method, Answer<R>... answers) {
        Deque<Answer<?>> queue = scripts.computeIfAbsent(method.getFullMethodName(), name -> new ArrayDeque<>());
        synchronized (queue) {
            queue.addAll(List.of(answers));
        }
    }

    /** The requests {@code method} received so far, oldest first (for streams: every message). */
    @SuppressWarnings("unchecked")
    public <Q> List<Q> requests(MethodDescriptor<Q, ?> method) {
        List<Object> messages = received.getOrDefault(method.getFullMethodName(), List.of());
        synchronized (messages) {
            return (List<Q>) List.copyOf(messages);
        }
    }

    /**
     * The most time a request of {@code method} had left before its deadline when it arrived: the deadline the caller
     * set, less the way here. Fails when none arrived, or one arrived without a deadline.
     */
    public Duration longestTimeLeft(MethodDescriptor<?, ?> method) {
        List<Optional<Duration>> left = timeLeft.getOrDefault(method.getFullMethodName(), List.of());
        if (left.isEmpty() || left.contains(Optional.<Duration>empty())) {
            throw new AssertionError(
                    method.getFullMethodName() + " was not called with a deadline every time: " + left);
        }
        return left.stream()
                .map(Optional::orElseThrow)
                .max(Comparator.naturalOrder())
                .orElseThrow();
    }

    /** How many requests every fake service received so far, all methods together. */
    public int requestCount() {
        return received.values().stream().mapToInt(List::size).sum();
    }

    /** Forgets every script and every recorded request. */
    public void reset() {
        scripts.clear();
        received.clear();
        timeLeft.clear();
        live.clear();
    }

    /** The server streams left open for the test to drive (those called with no answer scripted). */
    public LiveCalls live() {
        return live;
    }

    /** The grpc.health.v1 service of this fake: Check plays the scripts of {@code HealthGrpc.getCheckMethod()}. */
    public BindableService health() {
        return new HealthGrpc.HealthImplBase() {
            @Override
            public void check(HealthCheckRequest request, StreamObserver<HealthCheckResponse> observer) {
                answer(HealthGrpc.getCheckMethod(), request, observer);
            }
        };
    }

    /** Stops the timer that plays delayed answers. */
    public void close() {
        timer.shutdownNow();
    }

    @Override
    public void upsertInstrument(UpsertInstrumentRequest request, StreamObserver<UpsertInstrumentResponse> observer) {
        answer(IngestServiceGrpc.getUpsertInstrumentMethod(), request, observer);
    }

    @Override
    public void listInstruments(ListInstrumentsRequest request, StreamObserver<ListInstrumentsResponse> observer) {
        answer(IngestServiceGrpc.getListInstrumentsMethod(), request, observer);
    }

    @Override
    public void ingestBars(IngestBarsRequest request, StreamObserver<IngestBarsResponse> observer) {
        answer(IngestServiceGrpc.getIngestBarsMethod(), request, observer);
    }

    @Override
    public void importCsv(ImportCsvRequest request, StreamObserver<ImportCsvResponse> observer) {
        answer(IngestServiceGrpc.getImportCsvMethod(), request, observer);
    }

    @Override
    public void getBars(GetBarsRequest request, StreamObserver<GetBarsResponse> observer) {
        answer(IngestServiceGrpc.getGetBarsMethod(), request, observer);
    }

    @Override
    public void getBarsBatch(GetBarsBatchRequest request, StreamObserver<GetBarsBatchResponse> observer) {
        answer(IngestServiceGrpc.getGetBarsBatchMethod(), request, observer);
    }

    @Override
    public void getLatestPrices(GetLatestPricesRequest request, StreamObserver<GetLatestPricesResponse> observer) {
        answer(IngestServiceGrpc.getGetLatestPricesMethod(), request, observer);
    }

    @Override
    public void deleteCorporateAction(
            DeleteCorporateActionRequest request, StreamObserver<DeleteCorporateActionResponse> observer) {
        answer(IngestServiceGrpc.getDeleteCorporateActionMethod(), request, observer);
    }

    @Override
    public void getTicks(GetTicksRequest request, StreamObserver<GetTicksResponse> observer) {
        answer(IngestServiceGrpc.getGetTicksMethod(), request, observer);
    }

    @Override
    public void getMinuteBars(GetMinuteBarsRequest request, StreamObserver<GetMinuteBarsResponse> observer) {
        answer(IngestServiceGrpc.getGetMinuteBarsMethod(), request, observer);
    }

    @Override
    public void addCorporateAction(
            AddCorporateActionRequest request, StreamObserver<AddCorporateActionResponse> observer) {
        answer(IngestServiceGrpc.getAddCorporateActionMethod(), request, observer);
    }

    @Override
    public void listBarRevisions(ListBarRevisionsRequest request, StreamObserver<ListBarRevisionsResponse> observer) {
        answer(IngestServiceGrpc.getListBarRevisionsMethod(), request, observer);
    }

    @Override
    public void listCorporateActions(
            ListCorporateActionsRequest request, StreamObserver<ListCorporateActionsResponse> observer) {
        answer(IngestServiceGrpc.getListCorporateActionsMethod(), request, observer);
    }

    @Override
    public void subscribePrices(SubscribePricesRequest request, StreamObserver<SubscribePricesResponse> observer) {
        answerOrKeepOpen(IngestServiceGrpc.getSubscribePricesMethod(), request, observer);
    }

    /** Each batch is answered by the next scripted answer; the stream completes after the client's half-close. */
    @Override
    public StreamObserver<IngestTicksRequest> ingestTicks(StreamObserver<IngestTicksResponse> observer) {
        return answerEach(IngestServiceGrpc.getIngestTicksMethod(), observer);
    }

    /** Each chunk is answered by the next scripted answer; the stream completes after the client's half-close. */
    @Override
    public StreamObserver<ImportBarsRequest> importBars(StreamObserver<ImportBarsResponse> observer) {
        return answerEach(IngestServiceGrpc.getImportBarsMethod(), observer);
    }

    /** A client stream whose messages are recorded and answered, in order, by the next scripted answer each. */
    private <Q, R> StreamObserver<Q> answerEach(MethodDescriptor<Q, R> method, StreamObserver<R> observer) {
        return new StreamObserver<>() {
            private CompletableFuture<Boolean> answered = CompletableFuture.completedFuture(false);

            @Override
            public synchronized void onNext(Q message) {
                record(method, message);
                Answer<R> answer = next(method);
                answered = answered.thenCompose(
                        failed -> failed ? CompletableFuture.completedFuture(true) : play(answer, observer, false));
            }

            @Override
            public void onError(Throwable error) {
                // The client cancelled; nothing is left to answer.
            }

            @Override
            public synchronized void onCompleted() {
                answered.thenAccept(failed -> {
                    if (!failed) {
                        quietly(observer::onCompleted);
                    }
                });
            }
        };
    }

    /** Records {@code request} and plays the next answer scripted for {@code method} (any service's method). */
    <Q, R> void answer(MethodDescriptor<Q, R> method, Q request, StreamObserver<R> observer) {
        record(method, request);
        play(next(method), observer, true);
    }

    /** Plays the next scripted answer, or, with none scripted, keeps the server stream open in {@link #live()}. */
    <Q, R> void answerOrKeepOpen(MethodDescriptor<Q, R> method, Q request, StreamObserver<R> observer) {
        Deque<Answer<?>> queue = scripts.get(method.getFullMethodName());
        boolean scripted;
        if (queue == null) {
            scripted = false;
        } else {
            synchronized (queue) {
                scripted = !queue.isEmpty();
            }
        }
        if (scripted) {
            answer(method, request, observer);
        } else {
            record(method, request);
            live.open(method, request, observer);
        }
    }

    private void record(MethodDescriptor<?, ?> method, Object request) {
        List<Object> messages = received.computeIfAbsent(method.getFullMethodName(), name -> new ArrayList<>());
        synchronized (messages) {
            messages.add(request);
        }
        Deadline deadline = Context.current().getDeadline(); // the call's, also in a stream's callbacks
        timeLeft.computeIfAbsent(method.getFullMethodName(), name -> new CopyOnWriteArrayList<>())
                .add(Optional.ofNullable(deadline)
                        .map(set -> Duration.ofNanos(set.timeRemaining(TimeUnit.NANOSECONDS))));
    }

    @SuppressWarnings("unchecked")
    private <R> Answer<R> next(MethodDescriptor<?, R> method) {
        Deque<Answer<?>> queue = scripts.get(method.getFullMethodName());
        Answer<?> answer = null;
        if (queue != null) {
            synchronized (queue) {
                answer = queue.poll();
            }
        }
        return answer != null
                ? (Answer<R>) answer
                : Answer.fail(
                        Status.UNIMPLEMENTED.withDescription("no answer scripted for " + method.getBareMethodName()));
    }

    /** Plays one answer; the future tells whether it ended the call with an error. */
    private <R> CompletableFuture<Boolean> play(Answer<R> answer, StreamObserver<R> observer, boolean complete) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        Runnable send = () -> {
            if (answer.error() != null) {
                quietly(() -> observer.onError(answer.error()));
                done.complete(true);
                return;
            }
            quietly(() -> {
                answer.replies().forEach(observer::onNext);
                if (complete) {
                    observer.onCompleted();
                }
            });
            done.complete(false);
        };
        answer.release().thenRun(() -> {
            if (answer.delay().isZero()) {
                send.run();
            } else {
                timer.schedule(send, answer.delay().toMillis(), TimeUnit.MILLISECONDS);
            }
        });
        return done;
    }

    /** A late answer to a call the client already gave up on (deadline) may be refused; that is expected. */
    private static void quietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException cancelled) {
            // nothing to do: the call is over
        }
    }
}
