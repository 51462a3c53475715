package dev.portico.cp.deployment;

import dev.portico.snapshot.SnapshotCodec;
import dev.portico.snapshot.DeploymentContent;
import dev.portico.cp.api.ShortId;
import dev.portico.cp.api.Timestamped;
import dev.portico.cp.api.Violations;
import dev.portico.cp.error.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.util.Optional;

/** An immutable, numbered copy of an API's draft. Rows are inserted and deleted, never updated. */
@Entity
@Table(name = "deployment")
public class DeploymentEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "api_id", nullable = false, updatable = false)
    public String apiId;

    @Column(nullable = false, updatable = false)
    public int version;

    @Column(updatable = false)
    public String description;

    @Column(name = "content_hash", nullable = false, updatable = false)
    public String contentHash;

    /** {@link DeploymentContent} as JSON; lazy, so lists of deployments do not read it. */
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, updatable = false)
    @ColumnTransformer(write = "?::jsonb")
    public String content;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    public static DeploymentEntity create(String apiId, int version, String description, DeploymentContent content,
                                          String createdBy) {
        DeploymentEntity deployment = new DeploymentEntity();
        deployment.id = ShortId.next();
        deployment.apiId = apiId;
        deployment.version = version;
        deployment.description = description;
        deployment.contentHash = SnapshotCodec.contentHash(content);
        deployment.content = SnapshotCodec.writeContent(content);
        deployment.createdAt = Timestamped.now();
        deployment.createdBy = createdBy;
        return deployment;
    }

    public static DeploymentEntity require(String apiId, String id) {
        return findIn(apiId, id).orElseThrow(() -> ProblemException.notFound("deployment " + id));
    }

    /** The deployment of this API with this id, if there is one. */
    public static Optional<DeploymentEntity> findIn(String apiId, String id) {
        return DeploymentEntity.<DeploymentEntity>find("apiId = ?1 and id = ?2", apiId, id).firstResultOptional();
    }

    /** The deployment a request names in {@code deploymentId}; null when none, a bad field when not this API's. */
    static DeploymentEntity findIn(String apiId, String id, Violations violations) {
        if (id == null) {
            return null;
        }
        DeploymentEntity deployment = findIn(apiId, id).orElse(null);
        if (deployment == null) {
            violations.add("deploymentId", "this API has no deployment " + id);
        }
        return deployment;
    }

    public DeploymentContent content() {
        return SnapshotCodec.readContent(content);
    }

    public DeploymentRef ref() {
        return new DeploymentRef(id, version);
    }
}
