package dev.capflow.ingest.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * Reads in order, one read ahead: each read starts as soon as the previous one has answered, not once its answer has
 * been consumed, so the next read runs while the previous answer is sent. Reads never overlap (a read that opens a
 * session opens it after the previous one closed its own), and at most two answers are held at once.
 */
final class ReadAhead {

    private ReadAhead() {}

    /** The answers of {@code read} applied to each of {@code parts}, in their order. */
    static <P, A> Multi<A> inOrder(List<P> parts, Function<P, Uni<A>> read) {
        // the read started ahead for each part, dropped once taken so that a consumed answer is not held
        AtomicReferenceArray<CompletableFuture<A>> ahead = new AtomicReferenceArray<>(parts.size());
        return Multi.createFrom().range(0, parts.size()).onItem().transformToUniAndConcatenate(index -> {
            CompletableFuture<A> started = ahead.getAndSet(index, null);
            Uni<A> answer = started == null
                    ? read.apply(parts.get(index))
                    : Uni.createFrom().completionStage(started);
            return answer.invoke(() -> {
                if (index + 1 < parts.size()) {
                    ahead.set(index + 1, read.apply(parts.get(index + 1)).subscribeAsCompletionStage());
                }
            });
        });
    }
}
