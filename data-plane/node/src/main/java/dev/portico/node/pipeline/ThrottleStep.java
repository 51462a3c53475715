package dev.portico.node.pipeline;

import dev.portico.node.observe.NodeMetrics;
import dev.portico.node.protect.KeyBuckets;
import dev.portico.node.protect.KeyGrant;
import dev.portico.node.protect.RouteThrottle;
import dev.portico.node.protect.ThrottleReason;
import dev.portico.node.protect.TokenBucket;
import dev.portico.snapshot.Throttle;
import io.vertx.core.http.HttpHeaders;

/**
 * Throttling (SPEC §4): a request needs a token from every bucket that applies, in this order —
 * the key's plan for this route (which replaces the plan's own bucket) or else the plan's, then the
 * route's (or its stage's default), then the node's. The first empty one answers 429
 * {@code Too Many Requests} with {@code Retry-After}, and tokens already taken for the request are
 * given back. A route with no bucket at all costs three field reads.
 */
final class ThrottleStep implements Step {

    private static final CharSequence RETRY_AFTER = HttpHeaders.createOptimized("Retry-After");

    private final NodeMetrics metrics;
    private final KeyBuckets keyBuckets;
    private final TokenBucket nodeBucket;

    ThrottleStep(NodeMetrics metrics, KeyBuckets keyBuckets, TokenBucket nodeBucket) {
        this.metrics = metrics;
        this.keyBuckets = keyBuckets;
        this.nodeBucket = nodeBucket;
    }

    @Override
    public void onRequest(Exchange exchange) {
        KeyGrant grant = exchange.keyGrant();
        RouteThrottle routeThrottle = exchange.route().throttle();
        if (grant == null && routeThrottle == null && nodeBucket == null) {
            exchange.proceed();
            return;
        }
        long now = System.nanoTime();
        String routeKey = exchange.route().routeKey();
        Throttle planRoute = grant == null ? null : grant.routeThrottles().get(routeKey);
        TokenBucket keyBucket = grant == null ? null : keyBucket(grant, planRoute, routeKey, now);
        exchange.keyBucket(keyBucket);
        long wait = take(keyBucket, now);
        if (wait > 0) {
            refuse(exchange, planRoute != null ? ThrottleReason.PLAN_ROUTE : ThrottleReason.PLAN, wait);
            return;
        }
        TokenBucket routeBucket = routeThrottle == null ? null : routeThrottle.bucket();
        wait = take(routeBucket, now);
        if (wait > 0) {
            giveBack(keyBucket);
            refuse(exchange, routeThrottle.reason(), wait);
            return;
        }
        wait = take(nodeBucket, now);
        if (wait > 0) {
            giveBack(keyBucket);
            giveBack(routeBucket);
            refuse(exchange, ThrottleReason.NODE, wait);
            return;
        }
        exchange.proceed();
    }

    /** The plan's bucket for this route when the plan throttles the route, else the plan's own; null when neither. */
    private TokenBucket keyBucket(KeyGrant grant, Throttle planRoute, String routeKey, long now) {
        if (planRoute != null) {
            KeyBuckets.Id id = new KeyBuckets.Id(grant.keyId(), grant.plan().id(), grant.apiId(), grant.stage(), routeKey);
            return keyBuckets.bucket(id, planRoute, now);
        }
        Throttle plan = grant.plan().throttle();
        return plan == null ? null : keyBuckets.bucket(grant.planBucket(), plan, now);
    }

    private static long take(TokenBucket bucket, long now) {
        return bucket == null ? 0 : bucket.tryTake(now);
    }

    private static void giveBack(TokenBucket bucket) {
        if (bucket != null) {
            bucket.giveBack();
        }
    }

    private void refuse(Exchange exchange, ThrottleReason reason, long waitNanos) {
        exchange.route().meters(metrics).throttled(reason);
        exchange.response().putHeader(RETRY_AFTER, Long.toString(TokenBucket.retryAfterSeconds(waitNanos)));
        exchange.reject(GatewayError.THROTTLED);
    }
}
