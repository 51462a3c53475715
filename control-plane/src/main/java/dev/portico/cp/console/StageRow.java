package dev.portico.cp.console;

import dev.portico.cp.deployment.StageView;

/** A stage with whether the draft differs from what it serves (the "undeployed changes" badge). */
public record StageRow(StageView stage, boolean undeployed) {

    public String name() {
        return stage.name();
    }

    public boolean live() {
        return stage.deploymentId() != null;
    }
}
