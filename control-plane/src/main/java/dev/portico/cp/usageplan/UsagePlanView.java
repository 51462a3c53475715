package dev.portico.cp.usageplan;

import dev.portico.cp.api.Throttle;

import java.time.Instant;
import java.util.List;

/** A usage plan as the admin API shows it; {@code revision} is also its ETag. */
public record UsagePlanView(String id, String name, String description, Throttle throttle, Quota quota,
                            List<ApiStage> apiStages, long revision, Instant createdAt, Instant updatedAt) {

    static UsagePlanView of(UsagePlanEntity plan, List<UsagePlanStageEntity> stages) {
        return new UsagePlanView(plan.id, plan.name, plan.description, plan.throttle(), plan.quota(),
                stages.stream().map(UsagePlanStageEntity::view).toList(), plan.revision, plan.createdAt, plan.updatedAt);
    }
}
