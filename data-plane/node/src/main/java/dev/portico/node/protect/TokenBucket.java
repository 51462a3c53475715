package dev.portico.node.protect;

import dev.portico.snapshot.Throttle;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket ({@code rateLimit} tokens per second, at most {@code burstLimit} stored) kept as
 * one number: the instant at which the bucket is full again (the "theoretical arrival time" of
 * GCRA). Taking a token moves that instant one token's worth of time later; a token is there when
 * the instant is no more than a full bucket's worth of time ahead of now. One compare-and-set per
 * request, no lock, so event loops never wait for each other here.
 *
 * <p>Times are {@link System#nanoTime()} values passed in by the caller, so tests need no clock.
 */
public final class TokenBucket {

    /** Keeps sums of times far from overflow, whatever tiny rate a snapshot names. */
    private static final long MAX_SPAN_NANOS = Long.MAX_VALUE / 4;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Throttle throttle;
    /** Nanoseconds for one token to come back. */
    private final long interval;
    /** Nanoseconds for an empty bucket to fill up. */
    private final long capacity;
    private final AtomicLong fullAt;

    /** A full bucket. */
    public TokenBucket(Throttle throttle, long now) {
        this.throttle = throttle;
        this.interval = (long) Math.max(1, Math.min(MAX_SPAN_NANOS, Math.rint(NANOS_PER_SECOND / throttle.rateLimit())));
        this.capacity = (long) Math.min(MAX_SPAN_NANOS, (double) interval * throttle.burstLimit());
        this.fullAt = new AtomicLong(now);
    }

    public Throttle throttle() {
        return throttle;
    }

    /** Takes a token: returns 0 when one was taken, else the nanoseconds until one is back (more than 0). */
    public long tryTake(long now) {
        while (true) {
            long at = fullAt.get();
            long next = Math.max(at, now) + interval;
            long wait = next - now - capacity;
            if (wait > 0) {
                return wait;
            }
            if (fullAt.compareAndSet(at, next)) {
                return 0;
            }
        }
    }

    /** Returns a token taken for a request that a later check refused after all. */
    public void giveBack() {
        fullAt.addAndGet(-interval);
    }

    /** Whole tokens left now. */
    public long remaining(long now) {
        long used = Math.max(0, fullAt.get() - now);
        return (capacity - used) / interval;
    }

    /** Nanoseconds until the bucket is full again (0 when it is). */
    public long nanosUntilFull(long now) {
        return Math.max(0, fullAt.get() - now);
    }

    /** True when the bucket has been full for at least {@code idleNanos}: forgetting it changes nothing. */
    public boolean fullFor(long now, long idleNanos) {
        return now - fullAt.get() >= idleNanos;
    }

    /** Whole seconds, at least 1, for a wait in nanoseconds (what Retry-After says). */
    public static long retryAfterSeconds(long waitNanos) {
        return Math.max(1, (waitNanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
    }
}
