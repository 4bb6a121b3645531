package dev.capflow.ingest.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.capflow.ingest.domain.Tick;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;

class PriceFanoutTest {

    private static Tick tick(String symbol, int second) {
        return new Tick(symbol, Instant.ofEpochSecond(1_760_000_000L + second), 100 + second, 1);
    }

    @Test
    void dropOldestQueueKeepsTheNewestItems() {
        DropOldestQueue<Integer> queue = new DropOldestQueue<>(3);
        for (int i = 1; i <= 5; i++) {
            assertThat(queue.offer(i)).isTrue();
        }
        assertThat(queue).containsExactly(3, 4, 5);
        assertThat(queue.poll()).isEqualTo(3);
        assertThat(queue.size()).isEqualTo(2);
    }

    @Test
    void deliversOnlyTheRequestedSymbols() {
        PriceFanout fanout = new PriceFanout(16);
        AssertSubscriber<Tick> nvda = fanout.subscribe(Set.of("NVDA")).subscribe().withSubscriber(AssertSubscriber.create(10));
        AssertSubscriber<Tick> all = fanout.subscribe(Set.of()).subscribe().withSubscriber(AssertSubscriber.create(10));
        fanout.publish(List.of(tick("NVDA", 1), tick("MSFT", 2), tick("NVDA", 3)));
        assertThat(nvda.getItems()).containsExactly(tick("NVDA", 1), tick("NVDA", 3));
        assertThat(all.getItems()).hasSize(3);
    }

    @Test
    void aSlowSubscriberLosesItsOldestTicksWithoutHoldingBackOthers() {
        PriceFanout fanout = new PriceFanout(2);
        AssertSubscriber<Tick> slow = fanout.subscribe(Set.of()).subscribe().withSubscriber(AssertSubscriber.create(0));
        AssertSubscriber<Tick> fast = fanout.subscribe(Set.of()).subscribe().withSubscriber(AssertSubscriber.create(100));
        for (int i = 1; i <= 5; i++) {
            fanout.publish(List.of(tick("NVDA", i)));
        }
        assertThat(fast.getItems()).hasSize(5);
        assertThat(slow.getItems()).isEmpty();
        slow.request(10);
        assertThat(slow.getItems()).containsExactly(tick("NVDA", 4), tick("NVDA", 5));
        slow.assertNotTerminated();
    }

    @Test
    void cancellingRemovesTheSubscriber() {
        PriceFanout fanout = new PriceFanout(4);
        AssertSubscriber<Tick> subscriber = fanout.subscribe(Set.of()).subscribe().withSubscriber(AssertSubscriber.create(1));
        assertThat(fanout.subscriberCount()).isEqualTo(1);
        subscriber.cancel();
        assertThat(fanout.subscriberCount()).isZero();
        fanout.publish(List.of(tick("NVDA", 1)));
        assertThat(subscriber.getItems()).isEmpty();
    }

    @Test
    void closingEndsEverySubscriptionAndRefusesNewOnes() {
        PriceFanout fanout = new PriceFanout(4);
        AssertSubscriber<Tick> subscriber = fanout.subscribe(Set.of()).subscribe().withSubscriber(AssertSubscriber.create(1));
        fanout.close();
        subscriber.assertCompleted();
        assertThat(fanout.subscriberCount()).isZero();
        fanout.subscribe(Set.of()).subscribe().withSubscriber(AssertSubscriber.create(1))
                .assertFailedWith(PriceFanout.ClosedException.class);
    }
}
