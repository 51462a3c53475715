package dev.portico.node.protect;

import dev.portico.snapshot.Throttle;

/**
 * A usage plan as requests need it.
 *
 * @param throttle each key's own bucket at this rate; null when the plan does not throttle
 * @param quota    null when the plan has no quota (its keys are still counted)
 */
public record CompiledPlan(String id, Throttle throttle, CompiledQuota quota) {
}
