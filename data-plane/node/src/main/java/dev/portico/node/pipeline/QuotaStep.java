package dev.portico.node.pipeline;

import dev.portico.node.observe.NodeMetrics;
import dev.portico.node.protect.CompiledQuota;
import dev.portico.node.protect.KeyGrant;
import dev.portico.node.protect.ThrottleReason;
import dev.portico.node.usage.UsageLedger;

/**
 * Quota and usage counting (SPEC §4): a keyed request whose plan has a quota is admitted only while
 * the fleet's usage of the key in the current period, as the ledger estimates it, is below the
 * limit — else 429 {@code Limit Exceeded}. Check and count are one atomic step, so one node never
 * admits more than the limit. Keyed requests on plans without a quota are counted too (usage
 * reports), never refused.
 */
final class QuotaStep implements Step {

    static final long DAY_MILLIS = 86_400_000L;

    private final NodeMetrics metrics;
    private final UsageLedger ledger;

    QuotaStep(NodeMetrics metrics, UsageLedger ledger) {
        this.metrics = metrics;
        this.ledger = ledger;
    }

    @Override
    public void onRequest(Exchange exchange) {
        KeyGrant grant = exchange.keyGrant();
        if (grant == null) {
            exchange.proceed();
            return;
        }
        long day = Math.floorDiv(exchange.startEpochMillis(), DAY_MILLIS);
        CompiledQuota quota = grant.plan().quota();
        if (quota == null) {
            ledger.count(grant.usage(), day);
        } else {
            long left = ledger.admit(grant.usage(), quota.limit(), quota.window(day), day);
            // the rate-limit headers say this, rather than estimating the fleet's usage a second time
            exchange.quotaLeft(Math.max(0, left));
            if (left == UsageLedger.REFUSED) {
                exchange.route().meters(metrics).throttled(ThrottleReason.QUOTA);
                exchange.reject(GatewayError.QUOTA_EXCEEDED);
                return;
            }
        }
        exchange.proceed();
    }
}
