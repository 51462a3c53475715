package dev.portico.cp.deployment;

import java.time.Instant;

/** A deployment in lists: {@code {id, version, description, createdAt, createdBy, contentHash}}. */
public record DeploymentView(String id, int version, String description, Instant createdAt, String createdBy,
                             String contentHash) {

    static DeploymentView of(DeploymentEntity d) {
        return new DeploymentView(d.id, d.version, d.description, d.createdAt, d.createdBy, d.contentHash);
    }
}
