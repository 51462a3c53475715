package dev.portico.cp.snapshot;

import dev.portico.snapshot.PlanStage;
import dev.portico.snapshot.Quota;
import dev.portico.snapshot.Throttle;

import java.util.List;

/**
 * A usage plan as the database holds it: an input of {@link SnapshotCompiler}.
 *
 * @param throttle  null when the plan does not throttle
 * @param quota     null when the plan has no quota
 * @param apiStages the API stages it covers, live or not (the compiler keeps the live ones)
 */
public record StoredPlan(String id, Throttle throttle, Quota quota, List<PlanStage> apiStages) {
}
