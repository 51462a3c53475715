package dev.portico.cp.api;

import dev.portico.cp.error.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

/** An API: its name and the counters of its draft and its deployments. */
@Entity
@Table(name = "api")
public class ApiEntity extends Timestamped {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    public String description;

    /** Grows on every draft edit (the API itself, its routes, its integrations); the API's ETag. */
    @Column(nullable = false)
    public long revision;

    @Column(name = "last_deployment_version", nullable = false)
    public int lastDeploymentVersion;

    public static ApiEntity create(String name, String description) {
        ApiEntity api = new ApiEntity();
        api.id = ShortId.next();
        api.name = name;
        api.description = description;
        api.revision = 1;
        api.stampCreated();
        return api;
    }

    public static ApiEntity require(String id) {
        return ApiEntity.<ApiEntity>findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    /**
     * The API, row-locked until the transaction ends: every change to an API or its parts takes this
     * lock first, so ETag checks, route-key conflicts and deployment numbering cannot race.
     */
    public static ApiEntity lock(String id) {
        return ApiEntity.<ApiEntity>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> notFound(id));
    }

    /** Records an edit of the draft: the ETag changes. */
    public void draftChanged() {
        revision++;
        stampUpdated();
    }

    /** The version of a new deployment: one more than the last, never reused. */
    public int nextDeploymentVersion() {
        return ++lastDeploymentVersion;
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("API " + id);
    }
}
