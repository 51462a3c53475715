package dev.portico.node.protect;

import dev.portico.snapshot.Throttle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyBucketsTest {

    private static final long SECOND = 1_000_000_000L;
    private final KeyBuckets buckets = new KeyBuckets();
    private final KeyBuckets.Id keyA = KeyBuckets.Id.plan("ka", "free");

    @Test
    void aKeyKeepsItsBucketUntilItsRateChanges() {
        TokenBucket first = buckets.bucket(keyA, new Throttle(5, 5), 0);
        first.tryTake(0);

        assertThat(buckets.bucket(KeyBuckets.Id.plan("ka", "free"), new Throttle(5, 5), 0)).isSameAs(first);
        TokenBucket faster = buckets.bucket(keyA, new Throttle(50, 50), 0);
        assertThat(faster).isNotSameAs(first);
        assertThat(faster.remaining(0)).as("a new rate starts full").isEqualTo(50);
        assertThat(buckets.bucket(KeyBuckets.Id.plan("kb", "free"), new Throttle(5, 5), 0)).isNotSameAs(first);
        assertThat(buckets.bucket(new KeyBuckets.Id("ka", "free", "api", "prod", "GET /x"), new Throttle(5, 5), 0))
                .as("a per-route bucket is another bucket").isNotSameAs(first);
    }

    @Test
    void sweepingForgetsOnlyBucketsFullForTheIdleTime() {
        TokenBucket idle = buckets.bucket(keyA, new Throttle(1, 1), 0);
        TokenBucket busy = buckets.bucket(KeyBuckets.Id.plan("kb", "free"), new Throttle(1, 1), 0);
        busy.tryTake(60 * SECOND);

        assertThat(buckets.sweep(60 * SECOND, 60 * SECOND)).isEqualTo(1);

        assertThat(buckets.bucket(KeyBuckets.Id.plan("kb", "free"), new Throttle(1, 1), 60 * SECOND)).isSameAs(busy);
        assertThat(buckets.bucket(keyA, new Throttle(1, 1), 60 * SECOND)).isNotSameAs(idle);
    }
}
