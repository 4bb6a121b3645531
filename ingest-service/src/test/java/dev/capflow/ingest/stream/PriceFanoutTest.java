package dev.capflow.ingest.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.ingest.domain.Tick;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PriceFanoutTest {

    private static Tick tick(String symbol, int second) {
        return new Tick(symbol, Instant.ofEpochSecond(1_760_000_000L + second), 100 + second, 1);
    }

    private static StreamEvent.LiveTick live(long sequence, Tick tick) {
        return new StreamEvent.LiveTick(sequence, tick);
    }

    @Test
    void aFullBufferKeepsTheNewestTicksAndAnnouncesTheDroppedOnesFirst() {
        GapRecordingBuffer buffer = new GapRecordingBuffer(3);
        for (int i = 1; i <= 5; i++) {
            assertThat(buffer.offer(live(i, tick("NVDA", i)))).isTrue();
        }
        assertThat(buffer.size()).isEqualTo(4);
        assertThat(buffer.poll())
                .isEqualTo(new StreamEvent.Gap(
                        1, 2, tick("NVDA", 1).ts(), tick("NVDA", 2).ts()));
        assertThat(buffer.poll()).isEqualTo(live(3, tick("NVDA", 3)));
        buffer.offer(live(6, tick("NVDA", 6)));
        buffer.offer(live(7, tick("NVDA", 7)));
        assertThat(buffer)
                .as("a second gap starts after what was read")
                .containsExactly(
                        new StreamEvent.Gap(
                                4, 1, tick("NVDA", 4).ts(), tick("NVDA", 4).ts()),
                        live(5, tick("NVDA", 5)),
                        live(6, tick("NVDA", 6)),
                        live(7, tick("NVDA", 7)));
    }

    @Test
    void aLossNoticeIsNeverDroppedAndIsReadFirst() {
        GapRecordingBuffer buffer = new GapRecordingBuffer(2);
        buffer.offer(live(1, tick("NVDA", 1)));
        buffer.offer(new StreamEvent.TicksMayBeLost(1, "trimmed"));
        buffer.offer(new StreamEvent.TicksMayBeLost(1, "restarted")); // one notice stands for both
        buffer.offer(live(2, tick("NVDA", 2)));
        buffer.offer(live(3, tick("NVDA", 3)));
        assertThat(buffer)
                .containsExactly(
                        new StreamEvent.TicksMayBeLost(1, "trimmed"),
                        new StreamEvent.Gap(
                                1, 1, tick("NVDA", 1).ts(), tick("NVDA", 1).ts()),
                        live(2, tick("NVDA", 2)),
                        live(3, tick("NVDA", 3)));
        assertThat(buffer.poll()).isEqualTo(new StreamEvent.TicksMayBeLost(1, "trimmed"));
        assertThat(buffer.size()).isEqualTo(3);
    }

    @Test
    void everySubscriberIsToldOfTicksLostElsewhereNumberedAfterItsLastTick() {
        PriceFanout fanout = new PriceFanout(16);
        AssertSubscriber<StreamEvent> nvda =
                fanout.subscribe(Set.of("NVDA")).subscribe().withSubscriber(AssertSubscriber.create(10));
        AssertSubscriber<StreamEvent> all =
                fanout.subscribe(Set.of()).subscribe().withSubscriber(AssertSubscriber.create(10));
        fanout.publish(List.of(tick("MSFT", 1)));
        fanout.ticksMayBeLost("trimmed");
        fanout.publish(List.of(tick("NVDA", 2)));
        assertThat(nvda.getItems())
                .containsExactly(new StreamEvent.TicksMayBeLost(0, "trimmed"), live(1, tick("NVDA", 2)));
        assertThat(all.getItems())
                .containsExactly(
                        live(1, tick("MSFT", 1)),
                        new StreamEvent.TicksMayBeLost(1, "trimmed"),
                        live(2, tick("NVDA", 2)));
    }

    @Test
    void aGapSpansTheEarliestAndLatestTimeOfItsTicks() {
        GapRecordingBuffer buffer = new GapRecordingBuffer(1);
        buffer.offer(live(1, tick("NVDA", 9)));
        buffer.offer(live(2, tick("MSFT", 3)));
        buffer.offer(live(3, tick("NVDA", 5)));
        assertThat(buffer.poll())
                .isEqualTo(new StreamEvent.Gap(
                        1, 2, tick("NVDA", 3).ts(), tick("NVDA", 9).ts()));
    }

    @Test
    void deliversOnlyTheRequestedSymbols() {
        PriceFanout fanout = new PriceFanout(16);
        AssertSubscriber<StreamEvent> nvda =
                fanout.subscribe(Set.of("NVDA")).subscribe().withSubscriber(AssertSubscriber.create(10));
        AssertSubscriber<StreamEvent> all =
                fanout.subscribe(Set.of()).subscribe().withSubscriber(AssertSubscriber.create(10));
        fanout.publish(List.of(tick("NVDA", 1), tick("MSFT", 2), tick("NVDA", 3)));
        assertThat(nvda.getItems())
                .as("numbered per stream")
                .containsExactly(live(1, tick("NVDA", 1)), live(2, tick("NVDA", 3)));
        assertThat(all.getItems()).extracting(StreamEvent::sequence).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aSlowSubscriberLosesItsOldestTicksWithoutHoldingBackOthersAndIsToldWhich() {
        PriceFanout fanout = new PriceFanout(2);
        AssertSubscriber<StreamEvent> slow =
                fanout.subscribe(Set.of()).subscribe().withSubscriber(AssertSubscriber.create(0));
        AssertSubscriber<StreamEvent> fast =
                fanout.subscribe(Set.of()).subscribe().withSubscriber(AssertSubscriber.create(100));
        for (int i = 1; i <= 5; i++) {
            fanout.publish(List.of(tick("NVDA", i)));
        }
        assertThat(fast.getItems()).hasSize(5).allMatch(event -> event instanceof StreamEvent.LiveTick);
        assertThat(slow.getItems()).isEmpty();
        slow.request(10);
        assertThat(slow.getItems())
                .containsExactly(
                        new StreamEvent.Gap(
                                1, 3, tick("NVDA", 1).ts(), tick("NVDA", 3).ts()),
                        live(4, tick("NVDA", 4)),
                        live(5, tick("NVDA", 5)));
        slow.assertNotTerminated();
    }

    @Test
    void cancellingRemovesTheSubscriber() {
        PriceFanout fanout = new PriceFanout(4);
        AssertSubscriber<StreamEvent> subscriber =
                fanout.subscribe(Set.of()).subscribe().withSubscriber(AssertSubscriber.create(1));
        assertThat(fanout.subscriberCount()).isEqualTo(1);
        subscriber.cancel();
        assertThat(fanout.subscriberCount()).isZero();
        fanout.publish(List.of(tick("NVDA", 1)));
        assertThat(subscriber.getItems()).isEmpty();
    }

    @Test
    void closingEndsEverySubscriptionAndRefusesNewOnes() {
        PriceFanout fanout = new PriceFanout(4);
        AssertSubscriber<StreamEvent> subscriber =
                fanout.subscribe(Set.of()).subscribe().withSubscriber(AssertSubscriber.create(1));
        fanout.close();
        subscriber.assertCompleted();
        assertThat(fanout.subscriberCount()).isZero();
        fanout.subscribe(Set.of())
                .subscribe()
                .withSubscriber(AssertSubscriber.create(1))
                .assertFailedWith(PriceFanout.ClosedException.class);
    }
}
