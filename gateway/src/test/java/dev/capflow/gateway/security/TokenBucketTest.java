package dev.capflow.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.grpc.auth.Roles;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The local bucket's arithmetic on a hand-moved clock, and the role hierarchy. */
class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBucketServesItsCapacityThenRefusesWithTheWaitForOneToken() {
        TokenBucket bucket = new TokenBucket(3, 0.5, 0);
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.take(0).allowed()).isTrue();
        }
        BucketDecision refused = bucket.take(0);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(2);

        assertThat(bucket.take(SECOND).retryAfterSeconds())
                .as("half a token back: one more second")
                .isEqualTo(1);
        assertThat(bucket.take(2 * SECOND).allowed()).isTrue();
        assertThat(bucket.take(2 * SECOND).allowed()).isFalse();
    }

    @Test
    void refillStopsAtTheCapacity() {
        TokenBucket bucket = new TokenBucket(2, 10, 0);
        assertThat(bucket.isFull(3600 * SECOND)).isTrue();
        assertThat(bucket.take(3600 * SECOND).allowed()).isTrue();
        assertThat(bucket.take(3600 * SECOND).allowed()).isTrue();
        assertThat(bucket.take(3600 * SECOND).allowed()).isFalse();
    }

    @Test
    void localBucketsAreKeptApartAndFullOnesAreDroppedWhenTheMapIsFull() {
        AtomicLong now = new AtomicLong();
        RateLimitConfig.Bucket limits = new RateLimitConfig.Bucket() {
            @Override
            public int capacity() {
                return 1;
            }

            @Override
            public double refillPerSecond() {
                return 1;
            }
        };
        LocalBuckets buckets = new LocalBuckets(2, now::get);
        assertThat(buckets.take("a", limits).allowed()).isTrue();
        assertThat(buckets.take("a", limits).allowed()).isFalse();
        assertThat(buckets.take("b", limits).allowed()).as("another caller").isTrue();

        now.addAndGet(SECOND);
        assertThat(buckets.take("c", limits).allowed())
                .as("a and b full again and dropped")
                .isTrue();
        assertThat(buckets.take("a", limits).allowed()).isTrue();
    }

    @Test
    void adminImpliesEveryRoleAndAnalystAndIngestImplyViewer() {
        assertThat(Roles.effective(Set.of("admin"))).containsExactlyInAnyOrder("admin", "analyst", "ingest", "viewer");
        assertThat(Roles.effective(Set.of("analyst"))).containsExactlyInAnyOrder("analyst", "viewer");
        assertThat(Roles.effective(Set.of("ingest"))).containsExactlyInAnyOrder("ingest", "viewer");
        assertThat(Roles.effective(Set.of("viewer"))).containsExactly("viewer");
        assertThat(Roles.effective(Set.of("guest"))).containsExactly("guest");
    }
}
