package dev.portico.node.fleet;

import java.time.Duration;
import java.util.function.LongUnaryOperator;

/**
 * Exponential backoff with full jitter (each delay uniform in [0, min(max, base·2^attempt)]): a fleet
 * that lost the control plane at the same moment does not come back at the same moment.
 */
public final class Backoff {

    private final long baseMillis;
    private final long maxMillis;
    /** Given a bound, a random value in [0, bound]; replaceable so tests can pin the randomness. */
    private final LongUnaryOperator random;
    private int attempt;

    public Backoff(Duration base, Duration max, LongUnaryOperator random) {
        this.baseMillis = base.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(250), Duration.ofSeconds(15),
                bound -> java.util.concurrent.ThreadLocalRandom.current().nextLong(bound + 1));
    }

    /** The delay before the next attempt; each call doubles the ceiling until it reaches the maximum. */
    public long nextDelayMillis() {
        long ceiling = attempt >= 30 ? maxMillis : Math.min(maxMillis, baseMillis << attempt);
        attempt++;
        return random.applyAsLong(ceiling);
    }

    /** After a successful connection: the next failure starts from the base again. */
    public void reset() {
        attempt = 0;
    }
}
