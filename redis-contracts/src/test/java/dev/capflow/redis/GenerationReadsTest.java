package dev.capflow.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Lookups that ask while a read of generations is in flight share the next read, and a lookup is never answered by a
 * read sent before it asked. The reads are held open by the test, which answers them when it chooses.
 */
class GenerationReadsTest {

    /** One read the reads under test sent: the ids asked, and the way to answer it. */
    private record Sent(List<String> ids, UniEmitter<? super List<String>> reply) {

        void answer(String... generations) {
            reply.complete(Arrays.asList(generations));
        }
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    private GenerationReads reads(Duration patience) {
        return reads(patience, 1);
    }

    private GenerationReads reads(Duration patience, int readsInFlight) {
        return new GenerationReads(
                ids -> Uni.createFrom().emitter(reply -> sent.add(new Sent(ids, reply))), patience, readsInFlight);
    }

    private static UniAssertSubscriber<List<String>> lookup(GenerationReads reads, String... ids) {
        return reads.current(List.of(ids)).subscribe().withSubscriber(UniAssertSubscriber.create());
    }

    @Test
    void lookupsThatAskWhileAReadIsInFlightShareTheNextRead() {
        GenerationReads reads = reads(Duration.ofMinutes(1));

        var first = lookup(reads, "a");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).ids()).containsExactly("a");

        var second = lookup(reads, "b", "a");
        var third = lookup(reads, "c", "b");
        assertThat(sent).as("nothing more is sent while a read is in flight").hasSize(1);

        sent.get(0).answer("1");
        first.assertItem(List.of("1"));
        second.assertNotTerminated();
        third.assertNotTerminated();
        assertThat(sent)
                .as("the lookups gathered meanwhile are read at once, together")
                .hasSize(2);
        assertThat(sent.get(1).ids()).containsExactly("b", "a", "c");

        sent.get(1).answer("7", "2", null);
        second.assertItem(List.of("7", "2"));
        third.assertItem(Arrays.asList(null, "7"));
        assertThat(sent).as("no lookup left: no read").hasSize(2);

        var fourth = lookup(reads, "a");
        assertThat(sent).hasSize(3);
        sent.get(2).answer("3");
        fourth.assertItem(List.of("3"));
    }

    @Test
    void withTwoReadsAllowedALookupThatFindsOneInFlightIsReadAtOnce() {
        GenerationReads reads = reads(Duration.ofMinutes(1), 2);

        var first = lookup(reads, "a");
        var second = lookup(reads, "b");
        assertThat(sent)
                .as("the second lookup does not wait for the first read")
                .hasSize(2);
        assertThat(sent.get(1).ids()).containsExactly("b");

        var third = lookup(reads, "a");
        var fourth = lookup(reads, "c");
        assertThat(sent).as("two reads in flight: the next lookups gather").hasSize(2);

        sent.get(1).answer("2");
        second.assertItem(List.of("2"));
        assertThat(sent)
                .as("the lookups gathered meanwhile are read once a read answers")
                .hasSize(3);
        assertThat(sent.get(2).ids()).containsExactly("a", "c");
        sent.get(0).answer("1");
        first.assertItem(List.of("1"));
        third.assertNotTerminated();
        fourth.assertNotTerminated();

        sent.get(2).answer("3", "4");
        third.assertItem(List.of("3"));
        fourth.assertItem(List.of("4"));
    }

    @Test
    void withTwoReadsAllowedNoLookupIsAnsweredByAReadSentBeforeItAsked() {
        GenerationReads reads = reads(Duration.ofMinutes(1), 2);
        lookup(reads, "a");
        lookup(reads, "a");
        // the generation moves now: both reads in flight may have read it before the move
        var afterTheMove = lookup(reads, "a");

        sent.get(0).answer("1");
        sent.get(1).answer("1");
        afterTheMove.assertNotTerminated();
        assertThat(sent).hasSize(3);
        sent.get(2).answer("2");
        afterTheMove.assertItem(List.of("2"));
    }

    @Test
    void aFailedReadFailsOnlyItsOwnLookupsAndTheNextReadGoesOn() {
        GenerationReads reads = reads(Duration.ofMinutes(1));
        var first = lookup(reads, "a");
        var second = lookup(reads, "a");

        sent.get(0).reply().fail(new IllegalStateException("connection closed"));
        first.assertFailedWith(IllegalStateException.class, "connection closed");
        second.assertNotTerminated();
        assertThat(sent).hasSize(2);
        sent.get(1).answer("5");
        second.assertItem(List.of("5"));
    }

    @Test
    void aReadThatThrowsFailsItsLookupsAndTheNextReadGoesOn() {
        AtomicBoolean thrown = new AtomicBoolean();
        GenerationReads reads = new GenerationReads(
                ids -> {
                    if (thrown.compareAndSet(false, true)) {
                        throw new IllegalStateException("no connection");
                    }
                    return Uni.createFrom().item(List.of("4"));
                },
                Duration.ofMinutes(1),
                1);

        lookup(reads, "a").assertFailedWith(IllegalStateException.class, "no connection");
        lookup(reads, "a").assertItem(List.of("4"));
    }

    @Test
    void aStalledReadHoldsOnlyItsOwnLookupsPastThePatience() {
        GenerationReads reads = reads(Duration.ofMillis(50));
        var stalled = lookup(reads, "a");
        var next = lookup(reads, "a");

        answerWhenSent(1, "9");
        next.awaitItem(Duration.ofSeconds(10)).assertItem(List.of("9"));
        stalled.assertNotTerminated();
        sent.get(0).answer("8");
        stalled.assertItem(List.of("8"));
    }

    @Test
    void eachLookupIsAnsweredOnTheVertxContextItAskedOn() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            GenerationReads reads = reads(Duration.ofMinutes(1));
            Context first = newContext(vertx);
            Context second = newContext(vertx);
            assertThat(first).isNotSameAs(second);
            lookup(reads, "a"); // holds a read in flight: the two lookups below share the next one
            CompletableFuture<Context> firstAnsweredOn = new CompletableFuture<>();
            CompletableFuture<Context> secondAnsweredOn = new CompletableFuture<>();
            askOn(first, reads, firstAnsweredOn).get(10, TimeUnit.SECONDS);
            askOn(second, reads, secondAnsweredOn).get(10, TimeUnit.SECONDS);
            sent.get(0).answer("1");
            assertThat(sent).hasSize(2);

            first.runOnContext(ignored -> sent.get(1).answer("2"));
            assertThat(firstAnsweredOn.get(10, TimeUnit.SECONDS)).isSameAs(first);
            assertThat(secondAnsweredOn.get(10, TimeUnit.SECONDS))
                    .as("answered on the context it asked on, not the one the shared read answered on")
                    .isSameAs(second);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** A context of its own: the one a verticle deployed now runs on. */
    private static Context newContext(Vertx vertx) throws Exception {
        CompletableFuture<Context> started = new CompletableFuture<>();
        vertx.deployVerticle(new AbstractVerticle() {
            @Override
            public void start() {
                started.complete(context);
            }
        });
        return started.get(10, TimeUnit.SECONDS);
    }

    /** Subscribes a lookup of "a" on {@code context}; completes once subscribed, and {@code answeredOn} when answered. */
    private static CompletableFuture<Void> askOn(
            Context context, GenerationReads reads, CompletableFuture<Context> answeredOn) {
        CompletableFuture<Void> asked = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            reads.current(List.of("a"))
                    .subscribe()
                    .with(
                            generations -> answeredOn.complete(Vertx.currentContext()),
                            answeredOn::completeExceptionally);
            asked.complete(null);
        });
        return asked;
    }

    /** Waits for the read {@code index} to be sent (a timer sends it), and answers it with {@code generation}. */
    private void answerWhenSent(int index, String generation) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sent.size() <= index && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(sent).as("the read after the stalled one was sent").hasSizeGreaterThan(index);
        sent.get(index).answer(generation);
    }
}
