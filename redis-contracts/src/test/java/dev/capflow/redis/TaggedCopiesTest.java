package dev.capflow.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TaggedCopiesTest {

    private final AtomicLong clock = new AtomicLong();
    private final TaggedCopies<byte[]> copies = new TaggedCopies<>(1_000, 100, value -> value.length, clock::get);

    @Test
    void aCopyIsGivenOnlyUnderItsOwnTagAndIsDroppedOnceTheTagMoved() {
        byte[] answer = {1, 2, 3};
        copies.keep("q", "7,9", answer);

        TaggedCopies.Copy<byte[]> copy = copies.find("q");
        assertThat(copies.current("q", copy, "7,9")).isSameAs(answer);
        assertThat(copies.current("q", copy, "7,10")).isNull();
        assertThat(copies.find("q")).as("a moved tag drops the copy").isNull();
        assertThat(copies.bytes()).isZero();
    }

    @Test
    void aCopyLivesNoLongerThanTheEntryWould() {
        copies.keep("q", "1", new byte[] {1});
        clock.set(99);
        assertThat(copies.find("q")).isNotNull();
        clock.set(100);
        assertThat(copies.find("q")).isNull();
    }

    @Test
    void theBytesHeldStayWithinTheBound() {
        copies.keep("a", "1", new byte[300]); // 300 + 256 of overhead
        copies.keep("b", "1", new byte[300]);
        assertThat(copies.bytes()).as("one of the two copies, never both").isEqualTo(556);
        assertThat(copies.find("a") == null).isNotEqualTo(copies.find("b") == null);

        copies.keep("huge", "1", new byte[2_000]);
        assertThat(copies.find("huge")).as("larger than the bound: never kept").isNull();
        assertThat(copies.bytes()).isEqualTo(556);
        assertThat(new TaggedCopies<byte[]>(0, 100, value -> value.length, clock::get).bytes())
                .isZero();
    }

    @Test
    void aCopyTooLargeToKeepLeavesTheCopyUnderItsKey() {
        byte[] answer = {1};
        copies.keep("q", "1", answer);
        copies.keep("q", "2", new byte[2_000]);
        assertThat(copies.current("q", copies.find("q"), "1")).isSameAs(answer);
    }

    @Test
    void pastTheBoundACopyAskedForOftenOutlastsCopiesKeptOnce() {
        byte[] hot = new byte[300];
        copies.keep("hot", "1", hot);
        for (int request = 0; request < 3; request++) {
            assertThat(copies.find("hot")).isNotNull();
        }

        for (int i = 0; i < 20; i++) {
            copies.keep("once-" + i, "1", new byte[300]);
            assertThat(copies.bytes()).as("bounded").isLessThanOrEqualTo(1_000);
        }

        assertThat(copies.find("hot").value()).isSameAs(hot);
    }
}
