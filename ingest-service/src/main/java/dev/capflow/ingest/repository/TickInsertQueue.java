package dev.capflow.ingest.repository;

import dev.capflow.ingest.config.IngestConfig;
import dev.capflow.ingest.domain.Tick;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Tick batches into {@link TickRepository}, at most {@code tick-statements-at-once} statements at a time: the batches
 * that arrived while those ran go in together by the next, as one transaction. Concurrent inserts into the tick table
 * wait for each other on its extension lock and its last heap and index pages and each pays a commit; fewer, larger
 * statements cost PostgreSQL less, and the batches' decoding and checks still overlap them (docs/decisions.md). Every
 * batch is acknowledged only after the commit of the statement that stored it; a combined statement that fails (a
 * tick stored already, twice, or any error) stored nothing, and its batches are then stored one by one, each getting
 * its own outcome.
 */
@ApplicationScoped
public class TickInsertQueue {

    private final TickRepository ticks;
    private final int maxTicksPerStatement;
    private final int maxStatements;
    private final Deque<Waiting> waiting = new ArrayDeque<>(); // guarded by this
    private int writers; // guarded by this: statements running, each taking the next group when done

    public TickInsertQueue(TickRepository ticks, IngestConfig config) {
        this.ticks = ticks;
        this.maxTicksPerStatement = config.maxTicksPerBatch();
        this.maxStatements = config.tickStatementsAtOnce();
    }

    /** As {@link TickRepository#insert}: the ticks that were new, in input order, once they are committed. */
    public Uni<List<Tick>> insert(List<Tick> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.createFrom().emitter(emitter -> {
            synchronized (this) {
                waiting.add(new Waiting(batch, Vertx.currentContext(), emitter));
                if (writers == maxStatements) {
                    return;
                }
                writers++;
            }
            writeNext();
        });
    }

    private void writeNext() {
        List<Waiting> group = nextGroup();
        if (!group.isEmpty()) {
            write(group).subscribe().with(done -> writeNext());
        }
    }

    /** The waiting batches the next statement takes (the first whatever its size); none ends this writer. */
    private synchronized List<Waiting> nextGroup() {
        List<Waiting> group = new ArrayList<>();
        int size = 0;
        while (!waiting.isEmpty()
                && (group.isEmpty() || size + waiting.peek().batch().size() <= maxTicksPerStatement)) {
            Waiting next = waiting.poll();
            group.add(next);
            size += next.batch().size();
        }
        if (group.isEmpty()) {
            writers--;
        }
        return group;
    }

    /** Stores the group and answers each of its batches; never fails. */
    private Uni<Void> write(List<Waiting> group) {
        if (group.size() == 1) {
            return writeAlone(group.get(0));
        }
        List<Tick> all = new ArrayList<>();
        group.forEach(member -> all.addAll(member.batch()));
        return ticks.insertAllNew(all)
                .invoke(() -> group.forEach(member -> member.answer(member.batch(), null)))
                .onFailure()
                .recoverWithUni(() -> Multi.createFrom()
                        .iterable(group)
                        .onItem()
                        .transformToUniAndConcatenate(this::writeAlone)
                        .collect()
                        .last()
                        .replaceWithVoid());
    }

    private Uni<Void> writeAlone(Waiting member) {
        return ticks.insert(member.batch())
                .onItemOrFailure()
                .invoke(member::answer)
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    private record Waiting(List<Tick> batch, Context context, UniEmitter<? super List<Tick>> emitter) {

        /** Answers on the caller's context, as the SQL client does, so the caller's call goes on where it began. */
        void answer(List<Tick> stored, Throwable failure) {
            if (context == null) {
                complete(stored, failure);
            } else {
                context.runOnContext(ignored -> complete(stored, failure));
            }
        }

        private void complete(List<Tick> stored, Throwable failure) {
            if (failure == null) {
                emitter.complete(stored);
            } else {
                emitter.fail(failure);
            }
        }
    }
}
