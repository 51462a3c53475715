package dev.portico.cp.deployment;

/** Names a deployment in answers: {@code {id, version}}. */
public record DeploymentRef(String id, int version) {
}
