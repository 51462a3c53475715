package dev.portico.node.pipeline;

import dev.portico.node.protect.CompiledQuota;
import dev.portico.node.protect.KeyGrant;
import dev.portico.node.protect.QuotaWindow;
import dev.portico.node.protect.TokenBucket;
import dev.portico.node.usage.UsageLedger;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

/**
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} on every response to
 * a request with an accepted key, 429s included. With a quota they describe the quota (limit,
 * what is left of it fleet-wide, seconds until the period ends, UTC); without one but with a plan
 * throttle, the key's bucket (burst, whole tokens left, seconds until full). Computed as the head
 * goes out, so they count this request.
 */
final class RateLimitHeaders implements Exchange.HeadDecoration {

    static final CharSequence LIMIT = HttpHeaders.createOptimized("RateLimit-Limit");
    static final CharSequence REMAINING = HttpHeaders.createOptimized("RateLimit-Remaining");
    static final CharSequence RESET = HttpHeaders.createOptimized("RateLimit-Reset");
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final UsageLedger ledger;

    RateLimitHeaders(UsageLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void decorate(Exchange exchange, MultiMap headers) {
        write(headers, exchange.keyGrant(), exchange.keyBucket(), exchange.quotaLeft(), System.currentTimeMillis(),
                System.nanoTime());
    }

    /**
     * @param quotaLeft what the quota step said is left; -1 when it did not run (a throttled
     *                  request), and then the ledger is asked
     */
    void write(MultiMap headers, KeyGrant grant, TokenBucket bucket, long quotaLeft, long nowMillis, long nowNanos) {
        CompiledQuota quota = grant == null ? null : grant.plan().quota();
        if (quota != null) {
            QuotaWindow window = quota.window(Math.floorDiv(nowMillis, QuotaStep.DAY_MILLIS));
            long left = quotaLeft >= 0 ? quotaLeft : Math.max(0, quota.limit() - ledger.used(grant.usage(), window));
            long untilEnd = window.endDay() * QuotaStep.DAY_MILLIS - nowMillis;
            set(headers, quota.limit(), left, ceilDiv(untilEnd, 1_000));
        } else if (bucket != null) {
            set(headers, bucket.throttle().burstLimit(), bucket.remaining(nowNanos),
                    ceilDiv(bucket.nanosUntilFull(nowNanos), NANOS_PER_SECOND));
        }
    }

    private static void set(MultiMap headers, long limit, long remaining, long reset) {
        headers.set(LIMIT, Long.toString(limit));
        headers.set(REMAINING, Long.toString(remaining));
        headers.set(RESET, Long.toString(Math.max(0, reset)));
    }

    private static long ceilDiv(long value, long divisor) {
        return -Math.floorDiv(-value, divisor);
    }
}
