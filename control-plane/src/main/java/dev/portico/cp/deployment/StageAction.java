package dev.portico.cp.deployment;

/** Why a stage's deployment changed: a deploy (also a PATCH of deploymentId) or a rollback. */
public enum StageAction {
    DEPLOY, ROLLBACK
}
