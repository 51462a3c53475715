package dev.portico.node.protect;

import dev.portico.node.usage.UsageKey;
import dev.portico.snapshot.Throttle;

import java.util.Map;

/**
 * What one enabled key may do on one API stage: the plan that covers the stage for it, with the
 * plan's per-route throttles there. Built when a snapshot is compiled, so an admitted request only
 * carries a reference to it.
 *
 * @param routeThrottles per route key, a throttle that replaces the plan's for that route
 */
public record KeyGrant(CompiledKey key, CompiledPlan plan, String apiId, String stage,
                       Map<String, Throttle> routeThrottles, KeyBuckets.Id planBucket, UsageKey usage) {

    public KeyGrant(CompiledKey key, CompiledPlan plan, String apiId, String stage, Map<String, Throttle> routeThrottles) {
        this(key, plan, apiId, stage, Map.copyOf(routeThrottles), KeyBuckets.Id.plan(key.id(), plan.id()),
                new UsageKey(key.id(), plan.id()));
    }

    public String keyId() {
        return key.id();
    }
}
