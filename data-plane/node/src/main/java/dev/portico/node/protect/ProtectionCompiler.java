package dev.portico.node.protect;

import dev.portico.snapshot.ApiKey;
import dev.portico.snapshot.PlanStage;
import dev.portico.snapshot.Snapshot;
import dev.portico.snapshot.Stage;
import dev.portico.snapshot.Throttle;
import dev.portico.snapshot.UsagePlan;

import java.util.HashMap;
import java.util.Map;

/**
 * Compiles the protecting half of a snapshot: the key table (by hash), the plans, for every API
 * stage the grant of each key whose plan covers it, and the bucket of every throttled route. A
 * route's bucket is carried over from the snapshot served before when its rate and burst are the
 * same, so a swap neither refills nor empties it.
 */
public final class ProtectionCompiler {

    private final Map<String, TokenBucket> previousBuckets;
    private final long now;
    private final Map<String, TokenBucket> routeBuckets = new HashMap<>();
    private final Map<String, CompiledKey> keysByHash = new HashMap<>();
    private final Map<String, Map<String, KeyGrant>> grantsByStage = new HashMap<>();

    /** @param previousBuckets the route buckets of the snapshot served until now, by {@link #bucketId} */
    public ProtectionCompiler(Snapshot snapshot, Map<String, TokenBucket> previousBuckets, long now) {
        this.previousBuckets = previousBuckets;
        this.now = now;
        Map<String, UsagePlan> plans = new HashMap<>();
        Map<String, CompiledPlan> compiledPlans = new HashMap<>();
        for (UsagePlan plan : snapshot.usagePlans()) {
            plans.put(plan.id(), plan);
            compiledPlans.put(plan.id(), new CompiledPlan(plan.id(), plan.throttle(),
                    plan.quota() == null ? null : new CompiledQuota(plan.quota())));
        }
        for (ApiKey key : snapshot.apiKeys()) {
            CompiledKey compiled = new CompiledKey(key.id(), key.enabled());
            keysByHash.put(key.keyHash(), compiled);
            if (key.enabled()) {
                grant(compiled, key, plans, compiledPlans);
            }
        }
    }

    /** Each key gets, per API stage, the first of its plans (by id) that covers it; the control plane allows only one. */
    private void grant(CompiledKey key, ApiKey source, Map<String, UsagePlan> plans, Map<String, CompiledPlan> compiled) {
        for (String planId : source.usagePlanIds()) {
            UsagePlan plan = plans.get(planId);
            if (plan == null) {
                continue;
            }
            for (PlanStage stage : plan.apiStages()) {
                grantsByStage.computeIfAbsent(stageId(stage.apiId(), stage.stage()), id -> new HashMap<>())
                        .putIfAbsent(key.id(), new KeyGrant(key, compiled.get(planId), stage.apiId(), stage.stage(),
                                stage.throttle()));
            }
        }
    }

    public KeyTable keys() {
        return keysByHash.isEmpty() ? KeyTable.EMPTY : new KeyTable(keysByHash);
    }

    /** Grants by key id for one API stage. */
    public Map<String, KeyGrant> grants(String apiId, String stage) {
        return grantsByStage.getOrDefault(stageId(apiId, stage), Map.of());
    }

    /** The route's own throttle, else the stage's default; null when neither. */
    public RouteThrottle routeThrottle(String apiId, Stage stage, String routeKey) {
        Throttle own = stage.routeThrottles().get(routeKey);
        Throttle throttle = own != null ? own : stage.throttle();
        if (throttle == null) {
            return null;
        }
        String id = bucketId(apiId, stage.name(), routeKey);
        TokenBucket previous = previousBuckets.get(id);
        TokenBucket bucket = previous != null && previous.throttle().equals(throttle) ? previous : new TokenBucket(throttle, now);
        routeBuckets.put(id, bucket);
        return new RouteThrottle(bucket, own != null ? ThrottleReason.ROUTE : ThrottleReason.STAGE);
    }

    /** Every route bucket handed out, for the next compilation to carry over. */
    public Map<String, TokenBucket> routeBuckets() {
        return routeBuckets;
    }

    static String bucketId(String apiId, String stage, String routeKey) {
        return apiId + '\n' + stage + '\n' + routeKey;
    }

    private static String stageId(String apiId, String stage) {
        return apiId + '\n' + stage;
    }
}
