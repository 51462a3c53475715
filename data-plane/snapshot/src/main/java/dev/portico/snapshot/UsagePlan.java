package dev.portico.snapshot;

import java.util.List;

/**
 * A usage plan: the throttle each of its keys gets, the quota each key may use per period, and the
 * API stages it covers.
 *
 * @param throttle null when the plan does not throttle
 * @param quota    null when the plan has no quota
 */
public record UsagePlan(String id, Throttle throttle, Quota quota, List<PlanStage> apiStages) {

    public UsagePlan {
        apiStages = Canonical.sorted(apiStages, PlanStage::label);
    }
}
