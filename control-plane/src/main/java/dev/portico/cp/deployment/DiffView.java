package dev.portico.cp.deployment;

import java.util.List;

/** {@code GET …/deployments/{id}/diff?base=}: what changed from {@code base} to {@code target}. */
public record DiffView(DeploymentRef base, DeploymentRef target, List<Change> changes) {
}
