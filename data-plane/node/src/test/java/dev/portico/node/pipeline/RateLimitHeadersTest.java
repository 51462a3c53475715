package dev.portico.node.pipeline;

import dev.portico.node.protect.CompiledKey;
import dev.portico.node.protect.CompiledPlan;
import dev.portico.node.protect.CompiledQuota;
import dev.portico.node.protect.KeyGrant;
import dev.portico.node.protect.TokenBucket;
import dev.portico.node.usage.UsageLedger;
import dev.portico.snapshot.Quota;
import dev.portico.snapshot.QuotaPeriod;
import dev.portico.snapshot.Throttle;
import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitHeadersTest {

    private static final long SECOND = 1_000_000_000L;
    /** 2026-03-10 18:00:00 UTC: 6 hours before the day ends. */
    private static final long NOW_MILLIS = Instant.parse("2026-03-10T18:00:00Z").toEpochMilli();
    private static final long DAY = Math.floorDiv(NOW_MILLIS, QuotaStep.DAY_MILLIS);

    private final UsageLedger ledger = new UsageLedger("boot-1");
    private final RateLimitHeaders headers = new RateLimitHeaders(ledger);
    private final MultiMap written = MultiMap.caseInsensitiveMultiMap();

    private static KeyGrant grant(Throttle throttle, Quota quota) {
        CompiledPlan plan = new CompiledPlan("p1", throttle, quota == null ? null : new CompiledQuota(quota));
        return new KeyGrant(new CompiledKey("k1", true), plan, "a1", "prod", Map.of());
    }

    @Test
    void withAQuotaTheyDescribeTheQuotaUntilThePeriodEnds() {
        KeyGrant grant = grant(new Throttle(5, 5), new Quota(100, QuotaPeriod.DAY, 0));
        CompiledQuota quota = grant.plan().quota();
        long left = 0;
        for (int i = 0; i < 3; i++) {
            left = ledger.admit(grant.usage(), 100, quota.window(DAY), DAY);
        }

        headers.write(written, grant, new TokenBucket(new Throttle(5, 5), 0), left, NOW_MILLIS, 0);

        assertThat(written.get("RateLimit-Limit")).isEqualTo("100");
        assertThat(written.get("RateLimit-Remaining")).isEqualTo("97");
        assertThat(written.get("RateLimit-Reset")).isEqualTo(String.valueOf(6 * 3600));
    }

    @Test
    void remainingNeverGoesBelowZero() {
        KeyGrant grant = grant(null, new Quota(2, QuotaPeriod.MONTH, 0));
        for (int i = 0; i < 3; i++) {
            ledger.count(grant.usage(), DAY);
        }

        headers.write(written, grant, null, -1, NOW_MILLIS, 0); // a throttled request: the ledger is asked

        assertThat(written.get("RateLimit-Remaining")).isEqualTo("0");
        assertThat(written.get("RateLimit-Reset")).as("until April 1st").isEqualTo(String.valueOf(21 * 86400 + 6 * 3600));
    }

    @Test
    void withOnlyAPlanThrottleTheyDescribeTheKeysBucket() {
        TokenBucket bucket = new TokenBucket(new Throttle(2, 10), 0);
        for (int i = 0; i < 4; i++) {
            bucket.tryTake(0);
        }

        headers.write(written, grant(new Throttle(2, 10), null), bucket, -1, NOW_MILLIS, SECOND / 2);

        assertThat(written.get("RateLimit-Limit")).isEqualTo("10");
        assertThat(written.get("RateLimit-Remaining")).as("6 left, one back after half a second").isEqualTo("7");
        assertThat(written.get("RateLimit-Reset")).as("1.5 s until full, rounded up").isEqualTo("2");
    }

    @Test
    void withNeitherThereAreNone() {
        headers.write(written, grant(null, null), null, -1, NOW_MILLIS, 0);

        assertThat(written.isEmpty()).isTrue();
    }
}
