package dev.portico.cp.deployment;

import dev.portico.cp.api.Timestamped;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One change of a stage's deployment: who, when, why, from which to which. Deployments are named by
 * copied id and version, so the history stays readable after a deployment is deleted.
 */
@Entity
@Table(name = "stage_history")
public class StageHistoryEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "stage_id", nullable = false, updatable = false)
    public String stageId;

    @Column(nullable = false, updatable = false)
    public Instant at;

    @Column(nullable = false, updatable = false)
    public String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public StageAction action;

    @Column(updatable = false)
    public String reason;

    @Column(name = "from_deployment_id", updatable = false)
    public String fromDeploymentId;

    @Column(name = "from_deployment_version", updatable = false)
    public Integer fromDeploymentVersion;

    @Column(name = "to_deployment_id", nullable = false, updatable = false)
    public String toDeploymentId;

    @Column(name = "to_deployment_version", nullable = false, updatable = false)
    public int toDeploymentVersion;

    public static StageHistoryEntry of(StageEntity stage, StageAction action, String actor, String reason,
                                       DeploymentRef from, DeploymentRef to) {
        StageHistoryEntry entry = new StageHistoryEntry();
        entry.stageId = stage.id;
        entry.at = Timestamped.now();
        entry.actor = actor;
        entry.action = action;
        entry.reason = reason;
        entry.fromDeploymentId = from == null ? null : from.id();
        entry.fromDeploymentVersion = from == null ? null : from.version();
        entry.toDeploymentId = to.id();
        entry.toDeploymentVersion = to.version();
        return entry;
    }

    public DeploymentRef from() {
        return fromDeploymentId == null ? null : new DeploymentRef(fromDeploymentId, fromDeploymentVersion);
    }

    public DeploymentRef to() {
        return new DeploymentRef(toDeploymentId, toDeploymentVersion);
    }
}
