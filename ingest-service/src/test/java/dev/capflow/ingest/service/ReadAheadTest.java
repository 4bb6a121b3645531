package dev.capflow.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    /** Reads whose answers the test gives, recording which parts were asked for. */
    private final Map<String, CompletableFuture<String>> answers = new LinkedHashMap<>();

    private final List<String> started = new ArrayList<>();

    private Uni<String> read(String part) {
        started.add(part);
        return Uni.createFrom().completionStage(answers.computeIfAbsent(part, ignored -> new CompletableFuture<>()));
    }

    private CompletableFuture<String> answer(String part) {
        return answers.computeIfAbsent(part, ignored -> new CompletableFuture<>());
    }

    @Test
    void theNextReadStartsWhenThePreviousAnswersNotWhenItIsConsumed() {
        AssertSubscriber<String> reader = ReadAhead.inOrder(List.of("a", "b", "c"), this::read)
                .subscribe()
                .withSubscriber(AssertSubscriber.create(1));
        assertThat(started).containsExactly("a");

        answer("a").complete("A");
        reader.assertItems("A");
        // no more demand yet: b is read ahead, c waits until b's answer is taken
        assertThat(started).containsExactly("a", "b");

        answer("b").complete("B");
        assertThat(started).containsExactly("a", "b");
        reader.request(1);
        reader.assertItems("A", "B");
        assertThat(started).containsExactly("a", "b", "c");

        answer("c").complete("C");
        reader.request(1);
        reader.assertItems("A", "B", "C").assertCompleted();
    }

    @Test
    void answersKeepTheOrderOfThePartsWhateverOrderTheyArriveIn() {
        answer("b").complete("B");
        answer("c").complete("C");
        AssertSubscriber<String> reader = ReadAhead.inOrder(List.of("a", "b", "c"), this::read)
                .subscribe()
                .withSubscriber(AssertSubscriber.create(10));
        reader.assertItems();

        answer("a").complete("A");
        reader.assertItems("A", "B", "C").assertCompleted();
        assertThat(started).containsExactly("a", "b", "c");
    }

    @Test
    void aReadAheadThatFailsFailsTheStreamWhenItIsReached() {
        AssertSubscriber<String> reader = ReadAhead.inOrder(List.of("a", "b", "c"), this::read)
                .subscribe()
                .withSubscriber(AssertSubscriber.create(1));
        answer("a").complete("A");
        answer("b").completeExceptionally(new IllegalStateException("b failed"));
        reader.assertItems("A").assertNotTerminated();

        reader.request(1);
        reader.assertFailedWith(IllegalStateException.class, "b failed");
        assertThat(started).containsExactly("a", "b");
    }

    @Test
    void noPartsIsAnEmptyStream() {
        ReadAhead.inOrder(List.<String>of(), this::read)
                .subscribe()
                .withSubscriber(AssertSubscriber.create(1))
                .assertCompleted()
                .assertHasNotReceivedAnyItem();
        assertThat(started).isEmpty();
    }
}
