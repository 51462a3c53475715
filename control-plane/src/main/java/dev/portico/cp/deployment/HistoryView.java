package dev.portico.cp.deployment;

import java.time.Instant;

/** One entry of {@code GET …/stages/{stage}/history}; {@code fromDeployment} is null for a first deploy. */
public record HistoryView(Instant at, String by, StageAction action, String reason, DeploymentRef fromDeployment,
                          DeploymentRef toDeployment) {

    static HistoryView of(StageHistoryEntry e) {
        return new HistoryView(e.at, e.actor, e.action, e.reason, e.from(), e.to());
    }
}
