package dev.portico.node.protect;

import dev.portico.snapshot.Throttle;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Times are plain numbers (nanoseconds) handed to the bucket: no clock, no sleeping. */
class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 5 * SECOND;

    @Test
    void startsFullAndRefusesOnceTheBurstIsTaken() {
        TokenBucket bucket = new TokenBucket(new Throttle(5, 5), T0);

        for (int i = 0; i < 5; i++) {
            assertThat(bucket.tryTake(T0)).as("token %d", i).isZero();
        }
        long wait = bucket.tryTake(T0);

        assertThat(wait).as("one token comes back after 1/5 s").isEqualTo(SECOND / 5);
        assertThat(TokenBucket.retryAfterSeconds(wait)).isEqualTo(1);
        assertThat(bucket.remaining(T0)).isZero();
    }

    @Test
    void refillsAtTheRateAndNeverAboveTheBurst() {
        TokenBucket bucket = new TokenBucket(new Throttle(10, 3), T0);
        for (int i = 0; i < 3; i++) {
            bucket.tryTake(T0);
        }

        assertThat(bucket.remaining(T0 + SECOND / 10)).isEqualTo(1);
        assertThat(bucket.remaining(T0 + SECOND / 10 * 2)).isEqualTo(2);
        assertThat(bucket.remaining(T0 + 10 * SECOND)).as("capped at the burst").isEqualTo(3);
        assertThat(bucket.nanosUntilFull(T0)).isEqualTo(3 * SECOND / 10);
        assertThat(bucket.nanosUntilFull(T0 + SECOND)).isZero();

        long later = T0 + 10 * SECOND;
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.tryTake(later)).isZero();
        }
        assertThat(bucket.tryTake(later)).isPositive();
    }

    @Test
    void slowRatesWaitLongerThanASecond() {
        TokenBucket bucket = new TokenBucket(new Throttle(0.5, 1), T0);
        bucket.tryTake(T0);

        long wait = bucket.tryTake(T0);

        assertThat(wait).isEqualTo(2 * SECOND);
        assertThat(TokenBucket.retryAfterSeconds(wait)).isEqualTo(2);
        assertThat(TokenBucket.retryAfterSeconds(2 * SECOND + 1)).isEqualTo(3);
        assertThat(bucket.tryTake(T0 + 2 * SECOND)).isZero();
    }

    @Test
    void aTokenGivenBackCanBeTakenAgain() {
        TokenBucket bucket = new TokenBucket(new Throttle(1, 2), T0);
        bucket.tryTake(T0);
        bucket.tryTake(T0);
        assertThat(bucket.tryTake(T0)).isPositive();

        bucket.giveBack();

        assertThat(bucket.remaining(T0)).isEqualTo(1);
        assertThat(bucket.tryTake(T0)).isZero();
    }

    @Test
    void isForgettableOnlyAfterBeingFullForTheIdleTime() {
        TokenBucket bucket = new TokenBucket(new Throttle(1, 1), T0);
        assertThat(bucket.fullFor(T0 + SECOND, 60 * SECOND)).isFalse();
        assertThat(bucket.fullFor(T0 + 60 * SECOND, 60 * SECOND)).isTrue();

        bucket.tryTake(T0 + 60 * SECOND);

        assertThat(bucket.fullFor(T0 + 61 * SECOND, 60 * SECOND)).as("full again only after one second").isFalse();
        assertThat(bucket.fullFor(T0 + 121 * SECOND, 60 * SECOND)).isTrue();
    }

    @Test
    void concurrentTakersGetExactlyTheBurst() throws Exception {
        TokenBucket bucket = new TokenBucket(new Throttle(1, 10_000), T0);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> takers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                takers.add(() -> {
                    int taken = 0;
                    for (int i = 0; i < 5_000; i++) {
                        taken += bucket.tryTake(T0) == 0 ? 1 : 0;
                    }
                    return taken;
                });
            }
            int total = 0;
            for (Future<Integer> taken : threads.invokeAll(takers)) {
                total += taken.get();
            }
            assertThat(total).isEqualTo(10_000);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void extremeRatesStayWithinRange() {
        TokenBucket slow = new TokenBucket(new Throttle(1e-12, Integer.MAX_VALUE), T0);
        assertThat(slow.tryTake(T0)).isZero();
        assertThat(slow.remaining(T0)).isNotNegative();
        TokenBucket fast = new TokenBucket(new Throttle(1e12, 1), T0);
        assertThat(fast.tryTake(T0)).isZero();
        assertThat(fast.tryTake(T0 + 1)).isZero();
    }
}
